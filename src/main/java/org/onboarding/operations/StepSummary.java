package org.onboarding.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.onboarding.imports.ImportCounts;
import org.springframework.batch.core.BatchStatus;

/**
 * One step execution of an import, as {@code ./onboard show} prints it.
 *
 * @param counts          what the step itself did, in the import's own counts: a part of the
 *                        customer step its rows created, updated, matched and rejected and its
 *                        warnings; the connections step its connections; the prepare step its header
 *                        warnings; null for the steps that count nothing. Spring Batch's write and
 *                        skip counts are not given: a rejected row is written (as a reject), never skipped
 * @param exitDescription the first line of the step's exit description, digit runs masked and cut
 *                        short, or empty: a failed step's description is a stack trace that may
 *                        quote a row's identity numbers
 * @param duration        from the step's start to its end, or to its last update while it runs
 * @param startTime       when it started (a remote part taken over: its first worker's start), or null
 * @param workers         the workers that ran a remote import's part, in turn (more than one when one
 *                        took the part over from another), or empty
 */
public record StepSummary(String name, BatchStatus status, long readCount, long commitCount, long rollbackCount,
        ImportCounts counts, String exitDescription, LocalDateTime startTime, Duration duration, List<String> workers) {
}
