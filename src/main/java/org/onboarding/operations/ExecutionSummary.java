package org.onboarding.operations;

import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;

/**
 * One import execution as {@code ./onboard jobs} lists it.
 *
 * @param file      the file's name only, as the execution was launched with it
 * @param startTime when it started, or null when it never did
 * @param duration  how long it ran; for one that recorded no end, up to its last recorded update
 *                  (its last committed chunk): a process that died leaves it marked STARTED, and
 *                  counting on to now would pass a dead import off as a running one
 * @param ended     whether it recorded its end; when not, it is still marked running and its
 *                  duration is only known to be at least {@code duration}
 * @param rowsRead  data rows read over every run of its job instance up to this execution
 * @param created   customers created, over the same runs (likewise updated and rejected)
 * @param remote    whether its customers' parts ran on workers ({@code import --remote})
 * @param fileRows  the data rows its file holds, as counted before it started: how far along it is
 */
public record ExecutionSummary(long id, long jobInstanceId, String feed, String file, BatchStatus status,
        LocalDateTime startTime, Duration duration, boolean ended, long rowsRead, long created, long updated,
        long rejected, boolean remote, long fileRows) {
}
