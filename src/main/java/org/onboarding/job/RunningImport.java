package org.onboarding.job;

import java.util.concurrent.atomic.AtomicLong;

import org.onboarding.customers.ImportTally;

/**
 * What the parts of one running import share while their writers work side by side: the rejects
 * every part has committed, which the feed's skip limit counts together; the import's progress;
 * and whether a part failed, so that the others stop at their next chunk instead of running on.
 */
public final class RunningImport implements ImportTally.CommittedRows {

    private final AtomicLong committedRejects = new AtomicLong();
    private final ImportProgress progress;
    private volatile String failedPart;

    RunningImport(long totalRows) {
        this.progress = new ImportProgress(totalRows);
    }

    @Override
    public void committed(long rows, long rejects, boolean resumed) {
        committedRejects.addAndGet(rejects);
        if (resumed) {
            progress.resumedWith(rows);
        } else {
            progress.written(rows);
        }
    }

    @Override
    public long rejects() {
        return committedRejects.get();
    }

    public ImportProgress progress() {
        return progress;
    }

    void partFailed(String part) {
        failedPart = part;
    }

    /** Stops a part's writer when another part has failed: the import is failing, and a restart resumes every part. */
    public void stopIfAnotherPartFailed() {
        String failed = failedPart;
        if (failed != null) {
            throw new ImportPartStoppedException(failed);
        }
    }
}
