package org.onboarding.operations;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportTally;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ImportParameters;
import org.onboarding.job.ImportSummaries;
import org.onboarding.job.ImportSummary;
import org.onboarding.job.PrepareImportTasklet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The import executions as an operator reads them ({@code jobs}, {@code show}, the operator API): the
 * latest, and one with its steps and warnings, in the counts {@link ImportSummaries} gives the import's
 * own summary. It only reads, from the job repository and the database, so the commands that only read
 * can start with it and nothing of the import itself.
 */
@Component
public class ImportHistory {

    /** Warnings {@code show} lists; a file with more is a case for a query, which it names. */
    private static final int WARNINGS_SHOWN = 50;

    private final JobRepository jobRepository;
    private final ImportSummaries summaries;
    private final ExecutionIndex index;
    private final ImportWarnings warnings;

    public ImportHistory(JobRepository jobRepository, ImportSummaries summaries, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.summaries = summaries;
        this.index = new ExecutionIndex(jdbc);
        this.warnings = new ImportWarnings(jdbc);
    }

    /** The latest import executions, newest first; a null status or feed does not filter. */
    public List<ExecutionSummary> list(BatchStatus status, String feed, int limit) {
        return list(status, feed, null, limit);
    }

    /** The latest import executions created on that day (this machine's), newest first; a null filter does not filter. */
    public List<ExecutionSummary> list(BatchStatus status, String feed, LocalDate createdOn, int limit) {
        return index.latest(status, feed, createdOn, limit).stream()
                .map(jobRepository::getJobExecution)
                .map(this::summarize)
                .toList();
    }

    /** One execution's summary alone: what a page following its progress asks for every few seconds. */
    public ExecutionSummary summary(long id) {
        return summarize(find(id));
    }

    public ExecutionDetails show(long id) {
        JobExecution execution = find(id);
        ImportSummary summary = summaries.of(execution);
        List<StepSummary> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(step -> step(step, execution))
                .toList();
        long instance = summary.jobInstanceId();
        String failure = summary.failure() != null || execution.getStatus() != BatchStatus.FAILED ? summary.failure()
                : storedFailure(execution);
        return new ExecutionDetails(summarize(execution, summary),
                execution.getJobParameters().getString(ImportParameters.FILE), failure, summary.reportPath(),
                isLastOfInstance(execution), steps, warnings.first(instance, id, WARNINGS_SHOWN),
                warnings.count(instance, id));
    }

    /** The latest execution of the same job instance as this one: itself, or a restart of it. */
    public long lastOfInstance(long id) {
        return jobRepository.getLastJobExecution(find(id).getJobInstance()).getId();
    }

    /** The import execution with this id, or an {@link UnknownExecutionException}. */
    JobExecution find(long id) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException notFound) {
            execution = null;
        }
        if (execution == null || !CustomerImportJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            throw new UnknownExecutionException(id);
        }
        return execution;
    }

    private boolean isLastOfInstance(JobExecution execution) {
        return jobRepository.getLastJobExecution(execution.getJobInstance()).getId() == execution.getId();
    }

    private ExecutionSummary summarize(JobExecution execution) {
        return summarize(execution, summaries.of(execution));
    }

    private static ExecutionSummary summarize(JobExecution execution, ImportSummary summary) {
        JobParameters parameters = execution.getJobParameters();
        String file = parameters.getString(ImportParameters.FILE);
        ImportCounts counts = summary.counts();
        boolean ended = execution.getEndTime() != null;
        Duration duration = ended ? summary.duration() : durationToLastUpdate(execution);
        return new ExecutionSummary(execution.getId(), summary.jobInstanceId(),
                parameters.getString(ImportParameters.FEED),
                file == null ? null : Path.of(file).getFileName().toString(), summary.status(),
                execution.getStartTime(), duration, ended, summary.rowsRead(), counts.created(), counts.updated(),
                counts.rejected(), ImportParameters.remote(parameters),
                parameters.getLong(ImportParameters.RECORDS) == null ? 0 : parameters.getLong(ImportParameters.RECORDS));
    }

    /**
     * How long an execution without an end ran up to the last update it or one of its steps recorded
     * (a chunk commits one): whether its process still lives cannot be told from here, and a dead
     * one's duration must not keep growing.
     */
    private static Duration durationToLastUpdate(JobExecution execution) {
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime last = Stream.concat(Stream.of(execution.getLastUpdated()),
                        execution.getStepExecutions().stream().map(StepExecution::getLastUpdated))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(start);
        return between(start, last);
    }

    private static Duration between(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null || end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
    }

    /** A step with the import's own counts of what it did: Spring Batch's write and skip counts say nothing of rejects. */
    private static StepSummary step(StepExecution step, JobExecution execution) {
        String name = step.getStepName();
        ImportCounts counts = null;
        if (name.startsWith(CustomerImportJobConfiguration.PART_STEP + ":")
                || name.equals(CustomerImportJobConfiguration.CONNECTIONS_STEP)) {
            counts = ImportTally.countsIn(step.getExecutionContext());
        } else if (name.equals(CustomerImportJobConfiguration.PREPARE_STEP)) {
            counts = new ImportCounts(0, 0, 0, 0,
                    execution.getExecutionContext().getLong(PrepareImportTasklet.HEADER_WARNINGS, 0));
        }
        String workers = step.getExecutionContext().getString(CustomerImportJobConfiguration.PART_WORKER, "");
        // A remote part taken over runs again from a new start: its time counts from its first worker's start.
        LocalDateTime start = step.getExecutionContext().containsKey(CustomerImportJobConfiguration.PART_FIRST_STARTED)
                ? LocalDateTime.ofInstant(Instant.ofEpochMilli(step.getExecutionContext().getLong(
                        CustomerImportJobConfiguration.PART_FIRST_STARTED)), ZoneId.systemDefault())
                : step.getStartTime();
        return new StepSummary(name, step.getStatus(), step.getReadCount(), step.getCommitCount(),
                step.getRollbackCount(), counts, ImportSummaries.why(step), start,
                between(start, step.getEndTime() != null ? step.getEndTime() : step.getLastUpdated()),
                workers.isEmpty() ? List.of() : List.of(workers.split(", ")));
    }

    /**
     * Why an execution read back from the job repository failed: the failures themselves are not kept,
     * only each step's exit description, so it is the first failed step's own cause (a part's before the
     * step that split the file, whose description only says that a part failed).
     */
    private static String storedFailure(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() == BatchStatus.FAILED)
                .sorted(Comparator.comparing(StepExecution::getId).reversed())
                .map(ImportSummaries::why)
                .filter(line -> !line.isEmpty())
                .findFirst().orElse(null);
    }
}
