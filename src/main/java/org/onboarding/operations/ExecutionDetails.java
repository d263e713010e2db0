package org.onboarding.operations;

import java.util.List;

import org.onboarding.imports.ImportWarning;

/**
 * One import execution in full, as {@code ./onboard show} prints it.
 *
 * @param filePath       the file's path as the execution was launched with it
 * @param failure        why it failed, in one line with digit runs masked, or null
 * @param reportPath     the reject report it wrote (or its job instance's earlier run wrote), or null when no row was rejected
 * @param lastOfInstance whether it is the last execution of its job instance, the only one that may be restarted
 * @param warnings       the first of its warnings over every run up to it, in file order, digit runs masked
 * @param warningCount   how many warnings those runs recorded in all
 */
public record ExecutionDetails(ExecutionSummary summary, String filePath, String failure, String reportPath,
        boolean lastOfInstance, List<StepSummary> steps, List<ImportWarning> warnings, long warningCount) {
}
