package org.onboarding.operations;

import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.onboarding.feed.Feed;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.file.FileInspection;
import org.onboarding.file.FileInspector;
import org.onboarding.folders.FeedDirectories;
import org.onboarding.folders.InboxFiles;
import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportTally;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ExecutionRecovery;
import org.onboarding.job.ImportLauncher;
import org.onboarding.job.ImportOutcome;
import org.onboarding.job.ImportParameters;
import org.onboarding.job.ImportRequest;
import org.onboarding.job.ImportSummaries;
import org.onboarding.job.ImportSummary;
import org.onboarding.job.PrepareImportTasklet;
import org.onboarding.job.StopRequests;
import org.onboarding.lease.LeaseHolder;
import org.onboarding.pii.PiiText;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * What an operator does to import executions by id: list the latest, look at one, restart a failed
 * or stopped one, stop a running one, abandon one for good. Every operation goes through the same
 * rules as importing a file: a restart is a launch of the same file through {@link ImportLauncher},
 * so that it resumes the same job instance from its last committed chunk, and the counts shown are
 * the ones {@link ImportSummaries} gives the import's own summary. A refused operation is an
 * {@link OperationRefusedException} whose message says why.
 */
@Component
public class ImportExecutions {

    /** UNKNOWN too: its process could not record how it ended; once no process holds it, it is a failed run. */
    private static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.UNKNOWN);
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED);
    private static final int DESCRIPTION_LENGTH = 160;
    /** Warnings {@code show} lists; a file with more is a case for a query, which it names. */
    private static final int WARNINGS_SHOWN = 50;

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final ExecutionIndex index;
    private final ImportSummaries summaries;
    private final ImportLauncher launcher;
    private final FileInspector inspector;
    private final FeedCatalog feeds;
    private final FeedDirectories directories;
    private final InboxFiles files;
    private final ImportWarnings warnings;
    private final ExecutionRecovery recovery;
    private final StopRequests stopRequests;

    public ImportExecutions(JobRepository jobRepository, JobOperator jobOperator, ExecutionIndex index,
            ImportSummaries summaries, ImportLauncher launcher, FileInspector inspector, FeedCatalog feeds,
            FeedDirectories directories, InboxFiles files, ImportWarnings warnings,
            ExecutionRecovery recovery, StopRequests stopRequests) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.index = index;
        this.summaries = summaries;
        this.launcher = launcher;
        this.inspector = inspector;
        this.feeds = feeds;
        this.directories = directories;
        this.files = files;
        this.warnings = warnings;
        this.recovery = recovery;
        this.stopRequests = stopRequests;
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

    /**
     * Restarts a FAILED, STOPPED or UNKNOWN execution that is the last of its job instance, from its last
     * committed chunk: the same file (or its copy the inbox moved to {@code failed/<feed>/}), feed,
     * charset and writers. The file must still hold the content the job instance is named after,
     * else the launch would start another instance rather than restart this one.
     */
    public RestartResult restart(long id) throws Exception {
        JobExecution execution = find(id);
        requireLastAndOneOf(execution, RESTARTABLE, "restarted");
        requireNoOwner(execution, "restarted");
        JobParameters parameters = execution.getJobParameters();
        String feed = parameters.getString(ImportParameters.FEED);
        Charset encoding = ImportParameters.encoding(parameters);
        Path original = ImportParameters.file(parameters);
        // A restart that failed again was launched with the copy in failed/ already: that is the failed copy too.
        boolean originalIsFailedCopy = original.toAbsolutePath().normalize()
                .startsWith(directories.failed(feed).toAbsolutePath().normalize());
        Optional<Path> failedCopy = Files.isRegularFile(original)
                ? (originalIsFailedCopy ? Optional.of(original) : Optional.empty())
                : directories.failedFileOf(feed, id);
        if (!Files.isRegularFile(original) && failedCopy.isEmpty()) {
            throw new OperationRefusedException("cannot restart execution " + id + ": its file is neither at "
                    + original + " nor in " + directories.failed(feed) + " as *.exec-" + id + ".*");
        }
        Path file = failedCopy.orElse(original).toAbsolutePath().normalize();
        requireSameInstance(execution, file, feed, encoding);

        Long writers = parameters.getLong(ImportParameters.WRITERS);
        ImportOutcome outcome = launcher.launch(new ImportRequest(file, feed, encoding, false,
                writers == null ? null : writers.intValue()));
        ImportSummary summary = outcome.summary();
        if (outcome.kind() != ImportOutcome.Kind.RAN) {
            throw new OperationRefusedException("execution " + id + " was not restarted: execution "
                    + summary.executionId() + " of the same file is " + summary.status());
        }
        if (failedCopy.isEmpty() || summary.status() != BatchStatus.COMPLETED) {
            return new RestartResult(id, file, summary, null, null);
        }
        return moveToProcessed(id, file, feed, summary);
    }

    /**
     * Asks a running execution to stop: it shows STOPPING until the process running it, whichever it is,
     * has stopped every step and part at its next chunk boundary; then it shows STOPPED and can be
     * restarted. Only the ask is done here (see {@link StopRequests}), so it never conflicts with the
     * running process's own updates.
     */
    public void stop(long id) {
        JobExecution execution = find(id);
        if (!RUNNING.contains(execution.getStatus())) {
            throw notRunning(id, execution.getStatus());
        }
        if (!stopRequests.ask(id)) {
            // It changed since it was read: asked by someone else meanwhile is as good; ended is not running.
            BatchStatus now = find(id).getStatus();
            if (now != BatchStatus.STOPPING) {
                throw notRunning(id, now);
            }
        }
    }

    private static OperationRefusedException notRunning(long id, BatchStatus status) {
        return new OperationRefusedException("execution " + id + " is " + status
                + "; only a STARTING or STARTED execution can be stopped");
    }

    /**
     * Gives up a FAILED, STOPPED or UNKNOWN execution for good: its job instance will not be restarted, and
     * its content counts as imported (importing the file again needs --rerun).
     */
    public BatchStatus abandon(long id) throws Exception {
        JobExecution execution = find(id);
        requireLastAndOneOf(execution, RESTARTABLE, "abandoned");
        requireNoOwner(execution, "abandoned");
        // Spring Batch's abandon only raises a status, and UNKNOWN ranks above ABANDONED: make it FAILED first.
        return jobOperator.abandon(recovery.reopenIfUnknown(execution)).getStatus();
    }

    /**
     * Marks FAILED an execution whose process died while it ran (STARTING, STARTED or STOPPING with no
     * live owner), or an UNKNOWN one, so that importing its file again restarts it. Refused while a live
     * process holds its lease, or while it may still be starting (no lease yet, created less than a lease
     * ago), unless forced: an operator who knows that process is gone (its host lost) may override. An execution that is not running is left as it is.
     */
    public RecoverResult recover(long id, boolean force) {
        JobExecution execution = find(id);
        boolean unknown = execution.getStatus() == BatchStatus.UNKNOWN;
        if (!execution.isRunning() && !unknown) {
            return new RecoverResult(id, false, execution.getStatus(), null);
        }
        Optional<LeaseHolder> owner = recovery.owner(id);
        if (owner.isPresent() && !force) {
            throw new OperationRefusedException("execution " + id + " is " + execution.getStatus()
                    + " and held by " + owner.get().describe() + ": it may be running. Stop it with './onboard stop "
                    + id + "', or, if you know that process is gone, './onboard recover " + id + " --force'");
        }
        if (!force && recovery.mayBeStarting(execution)) {
            throw new OperationRefusedException("execution " + id + " is " + execution.getStatus()
                    + " and has no lease yet: its process may still be starting it. Try again in a minute, or, if you"
                    + " know that process is gone, './onboard recover " + id + " --force'");
        }
        JobExecution recovered = unknown ? recovery.reopenIfUnknown(execution) : recovery.recover(execution);
        return new RecoverResult(id, true, recovered.getStatus(), owner.map(LeaseHolder::instanceId).orElse(null));
    }

    private JobExecution find(long id) {
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

    private void requireLastAndOneOf(JobExecution execution, Set<BatchStatus> allowed, String what) {
        long id = execution.getId();
        if (!allowed.contains(execution.getStatus())) {
            throw new OperationRefusedException("execution " + id + " is " + execution.getStatus()
                    + "; only a FAILED, STOPPED or UNKNOWN execution can be " + what);
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last.getId() != id) {
            throw new OperationRefusedException("execution " + id + " is not the last of job instance "
                    + execution.getJobInstance().getInstanceId() + ": execution " + last.getId() + " ("
                    + last.getStatus() + ") is; only the last execution can be " + what);
        }
    }

    /** Refuses an UNKNOWN execution that a live process still holds: it may yet be running there. */
    private void requireNoOwner(JobExecution execution, String what) {
        if (execution.getStatus() != BatchStatus.UNKNOWN) {
            return;
        }
        recovery.owner(execution.getId()).ifPresent(owner -> {
            throw new OperationRefusedException("execution " + execution.getId() + " is UNKNOWN and still held by "
                    + owner.describe() + "; it cannot be " + what + " until that process ends");
        });
    }

    /**
     * Refuses a file whose content, organisation or run number would make the launcher start or
     * find another job instance than this execution's.
     */
    private void requireSameInstance(JobExecution execution, Path file, String feed, Charset encoding) {
        JobParameters parameters = execution.getJobParameters();
        long id = execution.getId();
        FileInspection inspection = inspector.inspect(file, encoding, feeds.find(feed).limits());
        if (!inspection.sha256().equals(parameters.getString(ImportParameters.SHA256))) {
            throw new OperationRefusedException("cannot restart execution " + id + ": " + file
                    + " changed since it was imported (its SHA-256 is no longer the job instance's)");
        }
        Feed current = feeds.find(feed);
        if (!current.organization().id().toString().equals(parameters.getString(ImportParameters.ORGANIZATION))) {
            throw new OperationRefusedException("cannot restart execution " + id + ": feed " + feed
                    + " now belongs to another organisation than the job instance's");
        }
        JobParameters nextRun = ImportParameters.identifying(current, inspection,
                parameters.getLong(ImportParameters.RERUN) + 1);
        if (jobRepository.getJobInstance(CustomerImportJobConfiguration.JOB_NAME, nextRun) != null) {
            throw new OperationRefusedException("cannot restart execution " + id
                    + ": its content was imported again since (a later --rerun)");
        }
    }

    private RestartResult moveToProcessed(long id, Path file, String feed, ImportSummary summary) {
        try {
            return new RestartResult(id, file, summary, files.restarted(feed, file, summary.executionId()), null);
        } catch (UncheckedIOException e) {
            return new RestartResult(id, file, summary, null, e.getMessage());
        }
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
                counts.rejected());
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
        return start == null || last.isBefore(start) ? Duration.ZERO : Duration.between(start, last);
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
        return new StepSummary(name, step.getStatus(), step.getReadCount(), step.getCommitCount(),
                step.getRollbackCount(), counts, describe(step.getExitStatus().getExitDescription()));
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
