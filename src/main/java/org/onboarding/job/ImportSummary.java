package org.onboarding.job;

import java.time.Duration;

import org.onboarding.imports.ImportCounts;
import org.springframework.batch.core.BatchStatus;

/**
 * What one execution of an import did, for the command line's summary and for operators.
 *
 * @param rowsRead       data rows read and committed over every run of the import (restarts resume, they do not re-read)
 * @param rowsThisRun    rows read by this execution alone, which its speed is measured on
 * @param counts         created, updated, matched, rejected rows and warnings, over every run
 * @param reportPath     the reject report, or null when no row was rejected
 * @param failure        why the execution failed, in one line, or null
 */
public record ImportSummary(long executionId, long jobInstanceId, BatchStatus status, long rowsRead,
        long rowsThisRun, ImportCounts counts, Duration duration, String reportPath, String failure) {

    public double rowsPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsThisRun / seconds;
    }
}
