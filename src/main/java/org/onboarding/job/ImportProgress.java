package org.onboarding.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a long import's progress every few seconds, over all its parts: rows done of the
 * file's total, rows per second in this run, and an estimate of the time left. Rows committed by
 * an earlier run of a restarted import count as done but not towards the speed.
 */
class ImportProgress {

    private static final Logger log = LoggerFactory.getLogger("org.onboarding.progress");
    private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final long totalRows;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong doneBefore = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private long lastReport = startNanos;

    ImportProgress(long totalRows) {
        this.totalRows = totalRows;
    }

    /** Rows an earlier run of the import committed. */
    void resumedWith(long rows) {
        done.addAndGet(rows);
        doneBefore.addAndGet(rows);
    }

    /** Rows a part committed. */
    void written(long rows) {
        if (rows == 0) {
            return;
        }
        long now = System.nanoTime();
        long rowsDone = done.addAndGet(rows);
        synchronized (this) {
            if (now - lastReport < EVERY_NANOS) {
                return;
            }
            lastReport = now;
        }
        double seconds = (now - startNanos) / 1e9;
        double rate = (rowsDone - doneBefore.get()) / Math.max(seconds, 1e-3);
        long left = Math.max(totalRows - rowsDone, 0);
        log.info(String.format("%,d of %,d rows (%d%%), %,.0f rows/s, about %s left", rowsDone, totalRows,
                totalRows == 0 ? 100 : rowsDone * 100 / totalRows, rate,
                format(Duration.ofSeconds((long) (left / Math.max(rate, 1e-3))))));
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}
