package org.onboarding.operations;

import org.springframework.batch.core.BatchStatus;

/**
 * One step execution of an import, as {@code ./onboard show} prints it.
 *
 * @param exitDescription the first line of the step's exit description, digit runs masked and cut
 *                        short, or empty: a failed step's description is a stack trace that may
 *                        quote a row's identity numbers
 */
public record StepSummary(String name, BatchStatus status, long readCount, long writeCount, long readSkips,
        long processSkips, long writeSkips, long commitCount, long rollbackCount, String exitDescription) {
}
