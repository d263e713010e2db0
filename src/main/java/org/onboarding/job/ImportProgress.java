package org.onboarding.job;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Reports a long import's progress every few seconds: rows done of the file's total, rows per
 * second, and an estimate of the time left.
 */
public class ImportProgress implements ItemWriteListener<Object> {

    private static final Logger log = LoggerFactory.getLogger("org.onboarding.progress");
    private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final LongSupplier rowsDone;
    private final long totalRows;
    private long startNanos;
    private long startRows = -1;
    private long lastReport;

    public ImportProgress(LongSupplier rowsDone, long totalRows) {
        this.rowsDone = rowsDone;
        this.totalRows = totalRows;
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        long now = System.nanoTime();
        long done = rowsDone.getAsLong();
        if (startRows < 0) {
            startRows = done - items.size();
            startNanos = now;
            lastReport = now;
            return;
        }
        if (now - lastReport < EVERY_NANOS) {
            return;
        }
        lastReport = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = (done - startRows) / Math.max(seconds, 1e-3);
        long left = Math.max(totalRows - done, 0);
        log.info(String.format("%,d of %,d rows (%d%%), %,.0f rows/s, about %s left", done, totalRows,
                totalRows == 0 ? 100 : done * 100 / totalRows, rate, format(Duration.ofSeconds((long) (left / rate)))));
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}
