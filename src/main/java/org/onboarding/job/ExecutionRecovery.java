package org.onboarding.job;

import java.time.LocalDateTime;
import java.util.Optional;

import org.onboarding.lease.ImportLeases;
import org.onboarding.lease.LeaseHolder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Ends what a dead process left behind: an import execution still marked running (STARTING, STARTED,
 * STOPPING), or marked UNKNOWN (its process failed to record how its last step ended). Either ends
 * FAILED, queues {@code customer_import.failed} like any failure, and can then be restarted from its
 * last committed chunk or abandoned. Callers first ask {@link #owner}: while a live process holds the
 * execution's lease, nothing here is done to it, unless an operator forces it.
 */
@Component
public class ExecutionRecovery {

    private static final String REOPENED = "UNKNOWN: its process could not record how it ended; marked FAILED to be restarted";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ImportLeases leases;
    private final ImportFailureNotifier failureNotifier;

    public ExecutionRecovery(JobOperator jobOperator, JobRepository jobRepository, ImportLeases leases,
            ImportFailureNotifier failureNotifier) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.leases = leases;
        this.failureNotifier = failureNotifier;
    }

    /** The live process running the execution, if one holds its lease. */
    public Optional<LeaseHolder> owner(long executionId) {
        return leases.holder(executionId);
    }

    /** Marks a running execution whose process is gone FAILED (Spring Batch's recover), and says so. */
    public JobExecution recover(JobExecution execution) {
        JobExecution recovered = jobOperator.recover(execution);
        failureNotifier.recovered(recovered);
        leases.release(execution.getId());
        return recovered;
    }

    /**
     * Marks an UNKNOWN execution, and its UNKNOWN steps, FAILED: Spring Batch restarts neither, nor lets
     * it be abandoned, yet the chunks it committed are all recorded, so a restart resumes it like any
     * failed run. Any other execution is returned as it is.
     */
    public JobExecution reopenIfUnknown(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.UNKNOWN) {
            return execution;
        }
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(REOPENED));
                step.setEndTime(step.getEndTime() == null ? now : step.getEndTime());
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(REOPENED));
        execution.setEndTime(execution.getEndTime() == null ? now : execution.getEndTime());
        jobRepository.update(execution);
        failureNotifier.recovered(execution);
        leases.release(execution.getId());
        return jobRepository.getJobExecution(execution.getId());
    }
}
