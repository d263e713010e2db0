package org.onboarding.job;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ctrl-C or SIGTERM while an import runs: before the application closes its database
 * connections, the imports this process runs are asked to stop at their next chunk boundary and
 * waited for until their launch has returned, so they end STOPPED and restartable rather than
 * left marked STARTED with their parts cut off mid-chunk.
 */
@Component
class StopImportsOnShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StopImportsOnShutdown.class);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RunningImports runningImports;
    private final ImportLauncher launcher;
    private final StopRequests stopRequests;
    private volatile boolean running;

    public StopImportsOnShutdown(RunningImports runningImports, ImportLauncher launcher, StopRequests stopRequests) {
        this.runningImports = runningImports;
        this.launcher = launcher;
        this.stopRequests = stopRequests;
    }

    @Override
    public void start() {
        // A context stopped and started again (Spring's test contexts pause between test classes) imports again.
        launcher.acceptLaunches();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        launcher.refuseNewLaunches();
        Set<Long> asked = new HashSet<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        // A launch under way may start its job a moment later: keep asking until every launch has returned.
        do {
            for (long id : runningImports.executionIds()) {
                if (asked.add(id)) {
                    stop(id);
                }
            }
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                log.warn("Imports still running after {} s stay marked STARTED: use './onboard recover ID'",
                        PATIENCE.toSeconds());
                return;
            }
        } while (!launcher.awaitIdle(Duration.ofMillis(100)));
    }

    private void stop(long id) {
        log.warn("Stopping import execution {} at its next chunk; import the same file again to restart it", id);
        try {
            // The same ask as an operator's: this process's own steps and parts do the stopping.
            stopRequests.ask(id);
        } catch (Exception e) {
            log.warn("Cannot stop import execution {}: {}", id, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
