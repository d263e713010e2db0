package org.onboarding.console;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.onboarding.job.ImportSummaries;
import org.onboarding.operations.ImportHistory;
import org.onboarding.operations.OperationRefusedException;
import org.onboarding.operations.RestartResult;

/**
 * Waits a little for a restart the console asked for, so that the page it answers with is the new
 * run's: a restart launches in the background, and a large file is hashed before its run shows.
 */
final class RestartWait {

    private static final long POLL_MILLIS = 100;

    private final ImportHistory history;
    private final Duration wait;

    RestartWait(ImportHistory history, Duration wait) {
        this.history = history;
        this.wait = wait;
    }

    /**
     * What was seen of a restart.
     *
     * @param executionId its new run, or -1 when none showed within the wait
     * @param ended       whether it ended within the wait
     * @param refusal     why it was refused or failed to launch, or null
     */
    record Seen(long executionId, boolean ended, String refusal) {
    }

    Seen await(long restarted, CompletableFuture<RestartResult> restart) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (restart.isDone()) {
                try {
                    return new Seen(restart.join().summary().executionId(), true, null);
                } catch (CompletionException failed) {
                    Throwable cause = failed.getCause() == null ? failed : failed.getCause();
                    return new Seen(-1, true, cause instanceof OperationRefusedException ? cause.getMessage()
                            : ImportSummaries.describe(cause));
                }
            }
            long latest = history.lastOfInstance(restarted);
            if (latest != restarted) {
                return new Seen(latest, false, null);
            }
            if (System.nanoTime() > deadline) {
                return new Seen(-1, false, null);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return new Seen(-1, false, null);
            }
        }
    }
}
