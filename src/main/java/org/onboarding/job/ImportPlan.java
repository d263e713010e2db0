package org.onboarding.job;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What importing a file would do: start (or restart) the job instance these parameters identify,
 * or nothing, for the reason {@code refusal} gives.
 */
public record ImportPlan(JobParameters parameters, ImportOutcome refusal) {

    static ImportPlan start(JobParameters parameters) {
        return new ImportPlan(parameters, null);
    }

    static ImportPlan refused(ImportOutcome refusal) {
        return new ImportPlan(null, refusal);
    }

    public boolean startsJob() {
        return parameters != null;
    }
}
