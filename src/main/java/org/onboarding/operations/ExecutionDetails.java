package org.onboarding.operations;

import java.util.List;

/**
 * One import execution in full, as {@code ./onboard show} prints it.
 *
 * @param filePath       the file's path as the execution was launched with it
 * @param failure        why it failed, in one line with digit runs masked, or null
 * @param reportPath     its reject report, or null when no row was rejected
 * @param lastOfInstance whether it is the last execution of its job instance, the only one that may be restarted
 */
public record ExecutionDetails(ExecutionSummary summary, String filePath, String failure, String reportPath,
        boolean lastOfInstance, List<StepSummary> steps) {
}
