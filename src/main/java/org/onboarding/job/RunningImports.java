package org.onboarding.job;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportTally;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The {@link RunningImport} of every import execution in progress in this process, created when
 * the job starts (with the counts of the steps an earlier run completed) and dropped when it
 * ends. Also listens to the parts, to stop the others when one fails. A worker runs parts of imports
 * that other processes run: their entries live while a part of theirs runs here.
 */
@Component
class RunningImports implements JobExecutionListener, StepExecutionListener {

    private final Map<Long, RunningImport> running = new ConcurrentHashMap<>();
    /** The imports whose job runs in this process; the others' entries are a worker's, kept per running part. */
    private final Set<Long> jobsHere = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> partsForOthers = new ConcurrentHashMap<>();
    private final JobRepository jobRepository;
    private final SharedRejectCount sharedRejects;

    public RunningImports(JobRepository jobRepository, SharedRejectCount sharedRejects) {
        this.jobRepository = jobRepository;
        this.sharedRejects = sharedRejects;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        jobsHere.add(execution.getId());
        of(execution);
    }

    /** The executions whose job this process is running now. */
    public Set<Long> executionIds() {
        return new HashSet<>(jobsHere);
    }

    @Override
    public void beforeStep(StepExecution part) {
        // A restarted part starts from its failed run's context: that failure is not this run's.
        part.getExecutionContext().remove(CustomerImportJobConfiguration.PART_FAILURE);
        if (!jobsHere.contains(part.getJobExecutionId())) {
            partsForOthers.merge(part.getJobExecutionId(), 1, Integer::sum);
        }
    }

    public RunningImport of(JobExecution execution) {
        return running.computeIfAbsent(execution.getId(), id -> start(execution));
    }

    /**
     * A restart runs again only the steps and parts that did not complete; those restore their own
     * counts. The completed ones' rejects still count against the skip limit, and their rows as done.
     */
    private RunningImport start(JobExecution execution) {
        Long records = execution.getJobParameters().getLong(ImportParameters.RECORDS);
        RunningImport started = jobsHere.contains(execution.getId()) ? new RunningImport(records == null ? 0 : records)
                : new RunningImport(records == null ? 0 : records, sharedRejects.of(execution.getId()));
        List<JobExecution> runs = jobRepository.getJobExecutions(execution.getJobInstance());
        for (StepExecution part : ImportSummaries.lastRunOfEachCountingStep(runs, execution)) {
            if (part.getStatus() == BatchStatus.COMPLETED && part.getJobExecutionId() != execution.getId()) {
                ImportCounts counts = ImportTally.countsIn(part.getExecutionContext());
                started.committed(counts.rows(), counts.rejects(), true);
            }
        }
        return started;
    }

    /**
     * A failed part stops the others. A STOPPED one does not: it was asked to stop, and so were the
     * others, which see the same ask when they commit their current chunk; stopping them here instead
     * would fail them in the middle of that chunk, and with them the import.
     */
    @Override
    public ExitStatus afterStep(StepExecution part) {
        if (part.getStatus() == BatchStatus.FAILED) {
            of(part.getJobExecution()).partFailed(part.getStepName());
            if (!part.getFailureExceptions().isEmpty()) {
                // Saved with the part's context after this listener: operators read it back ('show', the console).
                part.getExecutionContext().putString(CustomerImportJobConfiguration.PART_FAILURE,
                        ImportSummaries.describe(part.getFailureExceptions().get(0)));
            }
        }
        long id = part.getJobExecutionId();
        if (!jobsHere.contains(id) && partsForOthers.merge(id, -1, Integer::sum) <= 0) {
            // A worker's last part of another process's import ended here: the next one starts afresh.
            partsForOthers.remove(id);
            running.remove(id);
        }
        return null;
    }

    @Override
    public void afterJob(JobExecution execution) {
        jobsHere.remove(execution.getId());
        running.remove(execution.getId());
    }
}
