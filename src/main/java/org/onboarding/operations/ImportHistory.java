package org.onboarding.operations;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.onboarding.pii.PiiText;
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

    private static final int DESCRIPTION_LENGTH = 160;
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
        return index.latest(status, feed, limit).stream()
                .map(jobRepository::getJobExecution)
                .map(this::summarize)
                .toList();
    }

    public ExecutionDetails show(long id) {
        JobExecution execution = find(id);
        ImportSummary summary = summaries.of(execution);
        List<StepSummary> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(step -> step(step, execution))
                .toList();
        long instance = summary.jobInstanceId();
        return new ExecutionDetails(summarize(execution, summary),
                execution.getJobParameters().getString(ImportParameters.FILE), summary.failure(), summary.reportPath(),
                isLastOfInstance(execution), steps, warnings.first(instance, id, WARNINGS_SHOWN),
                warnings.count(instance, id));
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
                counts.rejected(), ImportParameters.remote(parameters));
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
                step.getRollbackCount(), counts, describe(step.getExitStatus().getExitDescription()),
                between(start, step.getEndTime() != null ? step.getEndTime() : step.getLastUpdated()),
                workers.isEmpty() ? List.of() : List.of(workers.split(", ")));
    }

    /** A step's exit description in one short line: a failed step's is a stack trace that may quote a row. */
    private static String describe(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String line = PiiText.text(description.lines().findFirst().orElse("").strip());
        return line.length() <= DESCRIPTION_LENGTH ? line : line.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }
}
