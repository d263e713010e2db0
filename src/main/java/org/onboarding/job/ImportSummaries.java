package org.onboarding.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportTally;
import org.onboarding.pii.PiiText;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Builds an {@link ImportSummary} from what the job repository holds of an execution. */
@Component
public class ImportSummaries {

    private static final int DESCRIPTION_LENGTH = 160;
    private static final String CAUSED_BY = "Caused by: ";

    private final JobRepository jobRepository;

    public ImportSummaries(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    public ImportSummary of(JobExecution execution) {
        List<JobExecution> executions = jobRepository.getJobExecutions(execution.getJobInstance());
        long headerWarnings = firstExecution(executions, execution).getExecutionContext()
                .getLong(PrepareImportTasklet.HEADER_WARNINGS, 0);
        ImportCounts counts = new ImportCounts(0, 0, 0, 0, headerWarnings);
        for (StepExecution step : lastRunOfEachCountingStep(executions, execution)) {
            counts = counts.plus(ImportTally.countsIn(step.getExecutionContext()));
        }
        long rowsThisRun = execution.getStepExecutions().stream().filter(ImportSummaries::isPart)
                .mapToLong(StepExecution::getReadCount).sum();
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        String report = execution.getExecutionContext().getString(RejectReportTasklet.REPORT_PATH, null);
        return new ImportSummary(execution.getId(), execution.getJobInstance().getInstanceId(), execution.getStatus(),
                counts.rows(), rowsThisRun, counts, Duration.between(start, end), report, failure(execution));
    }

    /** The execution that ran the prepare step: a restart skips it, so its context stays with the first one. */
    private static JobExecution firstExecution(List<JobExecution> executions, JobExecution execution) {
        return executions.stream().min(Comparator.comparing(JobExecution::getId)).orElse(execution);
    }

    /**
     * The latest execution, up to this job execution, of each step that keeps counts (the parts of
     * the customer step and the connections step): a completed one is not run again on restart.
     */
    static Collection<StepExecution> lastRunOfEachCountingStep(List<JobExecution> executions, JobExecution upTo) {
        Map<String, StepExecution> steps = new HashMap<>();
        for (JobExecution run : executions) {
            if (run.getId() > upTo.getId()) {
                continue;
            }
            JobExecution withSteps = run.getId() == upTo.getId() ? upTo : run;
            for (StepExecution step : withSteps.getStepExecutions()) {
                if (isPart(step) || step.getStepName().equals(CustomerImportJobConfiguration.CONNECTIONS_STEP)) {
                    steps.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        return steps.values();
    }

    private static boolean isPart(StepExecution step) {
        return step.getStepName().startsWith(CustomerImportJobConfiguration.PART_STEP + ":");
    }

    /** Why the execution failed: a part's own failure first, rather than the parts it stopped or the job's echo of it. */
    private static String failure(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>();
        execution.getStepExecutions().stream().filter(ImportSummaries::isPart)
                .forEach(part -> failures.addAll(part.getFailureExceptions()));
        failures.addAll(execution.getAllFailureExceptions());
        return failures.stream().filter(failure -> !(rootCause(failure) instanceof ImportPartStoppedException))
                .findFirst().or(() -> failures.stream().findFirst())
                .map(ImportSummaries::describe).orElse(null);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Why a part failed, as it recorded it in its context when it ended ({@link RunningImports}), in this
     * process or on a worker; empty for a part that did not fail, or was failed without running.
     */
    public static Optional<String> recordedFailure(StepExecution part) {
        return part.getStatus() == BatchStatus.FAILED
                && part.getExecutionContext().containsKey(CustomerImportJobConfiguration.PART_FAILURE)
                ? Optional.of(part.getExecutionContext().getString(CustomerImportJobConfiguration.PART_FAILURE))
                : Optional.empty();
    }

    /**
     * Why a step ended as it did, in one short line: a part's recorded failure, else its exit description,
     * whose failed form is a stack trace that may quote a row and whose first line is often only a
     * wrapper's ("Unable to process chunk"), so its last cause is told; empty when it has neither.
     */
    public static String why(StepExecution step) {
        return recordedFailure(step).orElseGet(() -> lastCause(step.getExitStatus().getExitDescription()));
    }

    private static String lastCause(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String cause = description.lines().map(String::strip).filter(line -> line.startsWith(CAUSED_BY))
                .reduce((first, last) -> last).map(line -> line.substring(CAUSED_BY.length()))
                .orElse(description.lines().findFirst().orElse(""));
        String line = PiiText.text(cause.strip());
        return line.length() <= DESCRIPTION_LENGTH ? line : line.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }

    /** A failure in one line, for a person: its cause's first line, identity numbers masked. */
    public static String describe(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause.getMessage() == null) {
            return cause.getClass().getSimpleName();
        }
        // The first line only: a database's message goes on to quote the refused row's values.
        return PiiText.text(cause.getMessage().lines().findFirst().orElse("").strip());
    }
}
