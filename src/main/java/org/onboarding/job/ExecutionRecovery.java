package org.onboarding.job;

import java.time.LocalDateTime;
import java.util.Optional;

import org.onboarding.lease.ImportLeases;
import org.onboarding.lease.LeaseHolder;
import org.onboarding.lease.PartLeases;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final PartLeases partLeases;
    private final ImportFailureNotifier failureNotifier;
    private final TransactionTemplate transaction;

    public ExecutionRecovery(JobOperator jobOperator, JobRepository jobRepository, ImportLeases leases,
            PartLeases partLeases, ImportFailureNotifier failureNotifier, PlatformTransactionManager transactionManager) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.leases = leases;
        this.partLeases = partLeases;
        this.failureNotifier = failureNotifier;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * The live process running the execution, if one holds its lease; for a remote import whose
     * importing process is gone, a worker still running one of its parts: the part ends by itself, and
     * marking the execution FAILED under it would only fail its next chunk.
     */
    public Optional<LeaseHolder> owner(long executionId) {
        return leases.holder(executionId).or(() -> partLeases.liveHolderOfAnyPart(executionId));
    }

    /**
     * Whether a running execution may still be starting: it has no lease yet, and was created less than a
     * lease ago (its process takes the lease as the job begins, a moment after creating it). Its owner is
     * then not provably gone.
     */
    public boolean mayBeStarting(JobExecution execution) {
        return execution.isRunning() && execution.getCreateTime() != null
                && execution.getCreateTime().isAfter(LocalDateTime.now().minus(leases.lease()))
                && !leases.leased(execution.getId());
    }

    /**
     * Marks a running execution whose process is gone FAILED (Spring Batch's recover), and says so, in one
     * transaction: it is never FAILED without its {@code customer_import.failed} event.
     */
    public JobExecution recover(JobExecution execution) {
        return transaction.execute(status -> {
            JobExecution recovered = jobOperator.recover(execution);
            failureNotifier.recovered(recovered);
            leases.release(execution.getId());
            return recovered;
        });
    }

    /**
     * Marks an UNKNOWN execution, and its UNKNOWN steps, FAILED: Spring Batch restarts neither, nor lets
     * it be abandoned, yet the chunks it committed are all recorded, so a restart resumes it like any
     * failed run. Any other execution is returned as it is. One transaction, like {@link #recover}.
     */
    public JobExecution reopenIfUnknown(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.UNKNOWN) {
            return execution;
        }
        return transaction.execute(status -> reopen(execution));
    }

    private JobExecution reopen(JobExecution execution) {
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
