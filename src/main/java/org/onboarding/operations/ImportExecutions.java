package org.onboarding.operations;

import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.onboarding.feed.Feed;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.file.FileInspection;
import org.onboarding.file.FileInspector;
import org.onboarding.folders.FeedDirectories;
import org.onboarding.folders.InboxFiles;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ExecutionRecovery;
import org.onboarding.job.ImportLauncher;
import org.onboarding.job.ImportOutcome;
import org.onboarding.job.ImportParameters;
import org.onboarding.job.ImportRequest;
import org.onboarding.job.ImportSummary;
import org.onboarding.job.StopRequests;
import org.onboarding.lease.LeaseHolder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * What an operator does to import executions by id: restart a failed or stopped one, stop a running
 * one, abandon one for good, recover one whose process died ({@link ImportHistory} lists and shows
 * them). Every operation goes through the same rules as importing a file: a restart is a launch of the
 * same file through {@link ImportLauncher}, so that it resumes the same job instance from its last
 * committed chunk. A refused operation is an {@link OperationRefusedException} whose message says why.
 */
@Component
public class ImportExecutions {

    /** UNKNOWN too: its process could not record how it ended; once no process holds it, it is a failed run. */
    private static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.UNKNOWN);
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final ImportHistory history;
    private final ImportLauncher launcher;
    private final FileInspector inspector;
    private final FeedCatalog feeds;
    private final FeedDirectories directories;
    private final InboxFiles files;
    private final ExecutionRecovery recovery;
    private final StopRequests stopRequests;

    public ImportExecutions(JobRepository jobRepository, JobOperator jobOperator, ImportHistory history,
            ImportLauncher launcher, FileInspector inspector, FeedCatalog feeds,
            FeedDirectories directories, InboxFiles files,
            ExecutionRecovery recovery, StopRequests stopRequests) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.history = history;
        this.launcher = launcher;
        this.inspector = inspector;
        this.feeds = feeds;
        this.directories = directories;
        this.files = files;
        this.recovery = recovery;
        this.stopRequests = stopRequests;
    }

    /**
     * Restarts a FAILED, STOPPED or UNKNOWN execution that is the last of its job instance, from its last
     * committed chunk: the same file (or its copy the inbox moved to {@code failed/<feed>/}), feed,
     * charset and writers. The file must still hold the content the job instance is named after,
     * else the launch would start another instance rather than restart this one.
     */
    public RestartResult restart(long id) throws Exception {
        JobExecution execution = history.find(id);
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
        // Where its parts ran, they run again: on workers for a remote import.
        ImportOutcome outcome = launcher.launch(new ImportRequest(file, feed, encoding, false,
                writers == null ? null : writers.intValue(), ImportParameters.remote(parameters)));
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
        JobExecution execution = history.find(id);
        if (!RUNNING.contains(execution.getStatus())) {
            throw notRunning(id, execution.getStatus());
        }
        if (!stopRequests.ask(id)) {
            // It changed since it was read: asked by someone else meanwhile is as good; ended is not running.
            BatchStatus now = history.find(id).getStatus();
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
        JobExecution execution = history.find(id);
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
        JobExecution execution = history.find(id);
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


}
