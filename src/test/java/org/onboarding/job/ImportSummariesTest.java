package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * Why a part failed, as the process that launched it reads it back: a worker's part whose recorded
 * failure is not there tells its exit description's last cause, not the wrapper's first line.
 */
class ImportSummariesTest {

    @Test
    void aFailedPartWithoutItsRecordedFailureTellsItsExitDescriptionsLastCause() {
        StepExecution part = part();
        part.setExitStatus(ExitStatus.FAILED.addExitDescription("""
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.doExecute(ChunkOrientedStep.java:1)
                Caused by: java.lang.IllegalStateException: wrapped
                \tat org.onboarding.Somewhere.run(Somewhere.java:1)
                Caused by: org.onboarding.imports.SkipLimitExceeded: 3 rejects pass the feed's skip limit of 2
                \tat org.onboarding.Somewhere.run(Somewhere.java:2)
                """));

        assertThat(ImportSummaries.why(part))
                .isEqualTo("org.onboarding.imports.SkipLimitExceeded: 3 rejects pass the feed's skip limit of 2");
    }

    @Test
    void aRecordedFailureIsToldAsRecorded() {
        StepExecution part = part();
        part.setExitStatus(ExitStatus.FAILED.addExitDescription("java.lang.RuntimeException: Unable to process chunk"));
        part.getExecutionContext().putString(CustomerImportJobConfiguration.PART_FAILURE, "the skip limit of 2");

        assertThat(ImportSummaries.why(part)).isEqualTo("the skip limit of 2");
    }

    private static StepExecution part() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, CustomerImportJobConfiguration.JOB_NAME),
                new JobParameters());
        StepExecution part = new StepExecution(2L, CustomerImportJobConfiguration.PART_STEP + ":part0", job);
        part.setStatus(BatchStatus.FAILED);
        return part;
    }
}
