package org.onboarding.job;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.onboarding.imports.ImportTally;

/**
 * What the parts of one running import share while their writers work side by side: the rejects
 * of every part, committed or in a chunk under way, which the feed's skip limit counts together;
 * the import's progress; and the first part that failed, so that the others stop at their next
 * chunk instead of running on.
 */
final class RunningImport implements ImportTally.CommittedRows {

    private final AtomicLong rejects = new AtomicLong();
    private final ImportProgress progress;
    private final boolean reportsProgress;
    private final AtomicReference<String> failedPart = new AtomicReference<>();

    /** @param reportsProgress whether this process reports the import's progress: not a worker running some of its parts */
    RunningImport(long totalRows, boolean reportsProgress) {
        this.progress = new ImportProgress(totalRows);
        this.reportsProgress = reportsProgress;
    }

    @Override
    public void committed(long rows, long rejects, boolean resumed) {
        this.rejects.addAndGet(rejects);
        if (resumed) {
            progress.resumedWith(rows);
        } else if (reportsProgress) {
            progress.written(rows);
        }
    }

    @Override
    public void rejected(long rejects) {
        this.rejects.addAndGet(rejects);
    }

    @Override
    public long rejects() {
        return rejects.get();
    }

    /** Remembers the first part that failed; the parts it stopped fail after it. */
    void partFailed(String part) {
        failedPart.compareAndSet(null, part);
    }

    /** Stops a part's writer when another part has failed: the import is failing, and a restart resumes every part. */
    public void stopIfAnotherPartFailed() {
        String failed = failedPart.get();
        if (failed != null) {
            throw new ImportPartStoppedException(failed);
        }
    }
}
