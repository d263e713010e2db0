package org.onboarding.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.onboarding.inbox.InboxWatcher;
import org.onboarding.inbox.InterruptedImports;
import org.onboarding.inbox.ServeProperties;
import org.onboarding.job.ImportLauncher;
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
 * {@code ./onboard serve}: the long-running service. It recovers the imports it was running when it
 * last died, watches every feed's inbox, and delivers queued webhooks every few seconds, until
 * SIGTERM or Ctrl-C, when running imports stop cleanly at a chunk boundary and stay restartable.
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
    private final ServeProperties properties;
    // Its own thread: a long import, which runs on an inbox poller's thread, never holds webhooks up.
    private final ThreadPoolTaskScheduler webhooks = new ThreadPoolTaskScheduler();
    private volatile boolean serving;

    @Spec
    private CommandSpec spec;

    public ServeCommand(InboxWatcher watcher, InterruptedImports interrupted, WebhookDispatcher dispatcher,
            ImportLauncher launcher, ServeProperties properties) {
        this.watcher = watcher;
        this.interrupted = interrupted;
        this.dispatcher = dispatcher;
        this.launcher = launcher;
        this.properties = properties;
        webhooks.setThreadNamePrefix("webhooks-");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String instance = instance();
        launcher.identifyLaunchesAs(instance);
        List<Long> recovered = interrupted.recover(instance);
        if (!recovered.isEmpty()) {
            out.printf("Recovered interrupted imports %s: restart them with './onboard restart ID'.%n", recovered);
        }
        List<Path> inboxes = watcher.watchAll();
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
     * Stops delivering webhooks with the service: a pass under way is interrupted, its requests cancelled;
     * their events are due again when their lease ends.
     */
    @Override
    public void destroy() {
        webhooks.shutdown();
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

    private String instance() {
        if (properties.instance() != null && !properties.instance().isBlank()) {
            return properties.instance();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
