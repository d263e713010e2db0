package org.onboarding.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.onboarding.serve.InboxWatcher;
import org.onboarding.serve.InterruptedImports;
import org.onboarding.serve.ServeProperties;
import org.onboarding.job.ImportLauncher;
import org.onboarding.lease.ImportLeases;
import org.onboarding.webhooks.WebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./onboard serve}: the long-running service. It registers its lease, recovers what instances
 * that died left behind (at start, then every half lease), watches every feed's inbox, and delivers
 * queued webhooks every few seconds, until SIGTERM or Ctrl-C, when running imports stop cleanly at a
 * chunk boundary and stay restartable. Several instances may serve one database and one set of inboxes.
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the service: watches inbox/<feed>/ for files to import and delivers webhooks, until stopped.",
                "Files move to processed/<feed>/ or failed/<feed>/ with the execution id in their name."})
public class ServeCommand implements Callable<Integer>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final InboxWatcher watcher;
    private final InterruptedImports interrupted;
    private final WebhookDispatcher dispatcher;
    private final ImportLauncher launcher;
    private final ImportLeases leases;
    private final ServeProperties properties;
    // Their own threads: a long import, which runs on an inbox poller's thread, never holds them up.
    private final ThreadPoolTaskScheduler webhooks = new ThreadPoolTaskScheduler();
    private final ThreadPoolTaskScheduler recovery = new ThreadPoolTaskScheduler();
    private volatile boolean serving;

    @Spec
    private CommandSpec spec;

    public ServeCommand(InboxWatcher watcher, InterruptedImports interrupted, WebhookDispatcher dispatcher,
            ImportLauncher launcher, ImportLeases leases, ServeProperties properties) {
        this.watcher = watcher;
        this.interrupted = interrupted;
        this.dispatcher = dispatcher;
        this.launcher = launcher;
        this.leases = leases;
        this.properties = properties;
        webhooks.setThreadNamePrefix("webhooks-");
        recovery.setThreadNamePrefix("recovery-");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        leases.register();
        String instance = leases.self().id();
        launcher.identifyLaunchesAs(instance);
        List<Long> recovered = interrupted.recover();
        if (!recovered.isEmpty()) {
            out.printf("Recovered interrupted imports %s: restart them with './onboard restart ID'.%n", recovered);
        }
        List<Path> inboxes = watcher.watchAll();
        recovery.initialize();
        recovery.scheduleWithFixedDelay(this::recoverInterrupted, leases.lease().dividedBy(2));
        webhooks.initialize();
        dispatcher.expectPassesEvery(properties.webhookInterval());
        webhooks.scheduleWithFixedDelay(this::deliverWebhooks, properties.webhookInterval());
        out.printf("Serving as %s: watching %s; webhooks every %d s. Stop with Ctrl-C or SIGTERM.%n", instance,
                inboxes, properties.webhookInterval().toSeconds());
        out.flush();
        serving = true;
        // Returning leaves the service running: the HTTP server keeps the process alive until SIGTERM.
        return ExitCodes.COMPLETED;
    }

    /**
     * Stops delivering webhooks and recovering with the service: a webhook pass under way is interrupted,
     * its requests cancelled; their events are due again when their lease ends.
     */
    @Override
    public void destroy() {
        webhooks.shutdown();
        recovery.shutdown();
    }

    /** Whether the service was started and runs until stopped, rather than exiting like a command. */
    public boolean serving() {
        return serving;
    }

    private void deliverWebhooks() {
        try {
            dispatcher.deliverDue();
        } catch (RuntimeException e) {
            log.warn("Webhook delivery pass failed: {}", e.getMessage());
        }
    }

    private void recoverInterrupted() {
        try {
            interrupted.recover();
        } catch (RuntimeException e) {
            log.warn("Recovering interrupted imports failed: {}", e.getMessage());
        }
    }
}
