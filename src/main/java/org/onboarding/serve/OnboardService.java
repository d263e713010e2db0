package org.onboarding.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.onboarding.job.ImportLauncher;
import org.onboarding.lease.ImportLeases;
import org.onboarding.webhooks.WebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The long-running service: registers this instance's lease, recovers the imports of instances that
 * are gone (at start and every half lease), watches every feed's inbox, and delivers due webhooks on a
 * schedule, until the application closes.
 */
@Component
public class OnboardService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OnboardService.class);
    private static final int SHUTDOWN_PATIENCE_SECONDS = 10;

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

    public OnboardService(InboxWatcher watcher, InterruptedImports interrupted, WebhookDispatcher dispatcher,
            ImportLauncher launcher, ImportLeases leases, ServeProperties properties) {
        this.watcher = watcher;
        this.interrupted = interrupted;
        this.dispatcher = dispatcher;
        this.launcher = launcher;
        this.leases = leases;
        this.properties = properties;
        webhooks.setThreadNamePrefix("webhooks-");
        recovery.setThreadNamePrefix("recovery-");
        // Stopped without interrupting a pass that may be inside a JDBC call: an interrupt there closes
        // an embedded H2 database for the whole process.
        for (ThreadPoolTaskScheduler scheduler : List.of(webhooks, recovery)) {
            scheduler.setWaitForTasksToCompleteOnShutdown(true);
            scheduler.setAwaitTerminationSeconds(SHUTDOWN_PATIENCE_SECONDS);
        }
    }

    /**
     * What the service did as it started.
     *
     * @param instance        this instance's id
     * @param recovered       the interrupted imports it marked FAILED, to be restarted
     * @param inboxes         the folders it watches
     * @param webhookInterval how often it delivers due webhooks
     */
    public record Started(String instance, List<Long> recovered, List<Path> inboxes, Duration webhookInterval) {
    }

    /** Starts serving; returns at once, the service running on its own threads until the application closes. */
    public Started start() {
        leases.register();
        String instance = leases.self().id();
        launcher.identifyLaunchesAs(instance);
        List<Long> recovered = interrupted.recover();
        List<Path> inboxes = watcher.watchAll();
        recovery.initialize();
        recovery.scheduleWithFixedDelay(this::recoverInterrupted, leases.lease().dividedBy(2));
        webhooks.initialize();
        dispatcher.expectPassesEvery(properties.webhookInterval());
        webhooks.scheduleWithFixedDelay(this::deliverWebhooks, properties.webhookInterval());
        serving = true;
        return new Started(instance, recovered, inboxes, properties.webhookInterval());
    }

    /**
     * Stops delivering webhooks and recovering with the service: a webhook pass under way ends within a
     * second, its requests cancelled (their events are due again when their lease ends); a recovery under
     * way finishes.
     */
    @Override
    public void destroy() {
        dispatcher.stop();
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
