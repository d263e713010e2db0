package org.onboarding.job;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.onboarding.imports.ImportTally;

/**
 * What the parts of one running import share while their writers work side by side: the rejects
 * of every part, committed or in a chunk under way, which the feed's skip limit counts together;
 * the import's progress; and the first part that failed, so that the others stop at their next
 * chunk instead of running on. A worker's parts of a remote import count their rejects in the
 * database instead ({@link SharedRejectCount}), with the parts that run on other workers.
 */
final class RunningImport implements ImportTally.CommittedRows {

    private final AtomicLong rejects = new AtomicLong();
    private final ImportProgress progress;
    private final SharedRejectCount.Of shared;
    private final AtomicReference<String> failedPart = new AtomicReference<>();

    /** An import whose job runs in this process: every part is counted here. */
    RunningImport(long totalRows) {
        this(totalRows, null);
    }

    /**
     * @param shared the import's rejects counted in the database, for a worker's parts of a remote
     *               import (which reports no progress: the importing process does), or null
     */
    RunningImport(long totalRows, SharedRejectCount.Of shared) {
        this.progress = new ImportProgress(totalRows);
        this.shared = shared;
    }

    @Override
    public void committed(long rows, long rejects, boolean resumed) {
        this.rejects.addAndGet(rejects);
        if (resumed) {
            progress.resumedWith(rows);
        } else if (shared == null) {
            progress.written(rows);
        }
    }

    @Override
    public void rejected(long rejects) {
        this.rejects.addAndGet(rejects);
        // A rolled-back chunk's withdrawal needs nothing shared: its transaction took its increment back.
        if (shared != null && rejects > 0) {
            shared.add(rejects);
        }
    }

    @Override
    public long rejects() {
        return shared == null ? rejects.get() : shared.total();
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
