package org.onboarding.job;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.onboarding.feed.Feed;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.feed.FieldDeclaration;
import org.onboarding.feed.FieldDefinition;
import org.onboarding.feed.FieldDefinitionStore;
import org.onboarding.feed.UnknownColumnPolicy;
import org.onboarding.file.FileHeader;
import org.onboarding.file.FileInspection;
import org.onboarding.file.FileInspector;
import org.onboarding.file.UnimportableFileException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts the import of one file, the same way for every entry point. Everything that can refuse
 * the file is checked before the job repository is touched (so a refused file leaves nothing
 * behind); then the file's content decides: new content starts a job instance, content whose
 * last execution failed or stopped restarts it from its last committed chunk, and content
 * already imported is refused unless a rerun is asked for.
 */
@Component
public class ImportLauncher {

    private final FeedCatalog feeds;
    private final FileInspector inspector;
    private final FieldDefinitionStore definitions;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final Job customerImportJob;
    private final ImportSummaries summaries;
    private final ExecutionRecovery recovery;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean refusing;
    private volatile String launchedBy;

    public ImportLauncher(FeedCatalog feeds, FileInspector inspector, FieldDefinitionStore definitions,
            JobRepository jobRepository, JobOperator jobOperator, Job customerImportJob, ImportSummaries summaries,
            ExecutionRecovery recovery) {
        this.feeds = feeds;
        this.inspector = inspector;
        this.definitions = definitions;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.customerImportJob = customerImportJob;
        this.summaries = summaries;
        this.recovery = recovery;
    }

    /**
     * @throws org.onboarding.feed.FeedException     when the feed is missing or wrongly declared
     * @throws UnimportableFileException when the file cannot be imported at all
     */
    public ImportOutcome launch(ImportRequest request) throws Exception {
        inFlight.incrementAndGet();
        try {
            return launchNow(request);
        } finally {
            launchEnded();
        }
    }

    /**
     * Runs a launch made elsewhere (the watched inbox's job-launching gateway) as one of this
     * launcher's: not at all once the application is stopping (empty), and waited for by the graceful stop.
     */
    public <T> Optional<T> launchUnlessStopping(Callable<T> launch) throws Exception {
        inFlight.incrementAndGet();
        try {
            return refusing ? Optional.empty() : Optional.ofNullable(launch.call());
        } finally {
            launchEnded();
        }
    }

    /** Names this process (a service instance) in every import it launches from now on, for operators to see. */
    public void identifyLaunchesAs(String instance) {
        launchedBy = instance;
    }

    private void launchEnded() {
        synchronized (inFlight) {
            inFlight.decrementAndGet();
            inFlight.notifyAll();
        }
    }

    /** Waits until no launch is under way in this process; false when the time ran out first. */
    public boolean awaitIdle(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    inFlight.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether launches are refused because the application is shutting down. */
    public boolean refusingNewLaunches() {
        return refusing;
    }

    /** From now on every launch is refused: the application is shutting down. */
    public void refuseNewLaunches() {
        refusing = true;
    }

    /** Launches are accepted again: the application was stopped and started again without closing. */
    public void acceptLaunches() {
        refusing = false;
    }

    private ImportOutcome launchNow(ImportRequest request) throws Exception {
        ImportPlan plan = plan(request);
        if (!plan.startsJob()) {
            return plan.refusal();
        }
        JobExecution execution = jobOperator.start(customerImportJob, plan.parameters());
        return new ImportOutcome(ImportOutcome.Kind.RAN, summaries.of(execution));
    }

    /**
     * Decides what importing the file would do, without starting anything: the job parameters that
     * start or restart its job instance, or why no job is started (already imported, still running).
     * The watched inbox launches the parameters through Spring Batch Integration's gateway.
     *
     * @throws org.onboarding.feed.FeedException     when the feed is missing or wrongly declared
     * @throws UnimportableFileException when the file cannot be imported at all
     */
    public ImportPlan plan(ImportRequest request) {
        Feed feed = feeds.find(request.feed());
        Charset charset = request.encoding() != null ? request.encoding() : feed.encoding();
        FileInspection inspection = inspector.inspect(request.file(), charset, feed.limits());
        checkHeader(feed, inspection);

        long rerun = latestRun(feed, inspection);
        JobInstance instance = rerun < 0 ? null : jobRepository.getJobInstance(CustomerImportJobConfiguration.JOB_NAME,
                ImportParameters.identifying(feed, inspection, rerun));
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last != null && last.getStatus() == BatchStatus.UNKNOWN) {
            // Its process could not record how it ended: once no process holds it, it restarts like a failed run.
            if (recovery.owner(last.getId()).isPresent()) {
                return ImportPlan.refused(new ImportOutcome(ImportOutcome.Kind.ALREADY_RUNNING, summaries.of(last)));
            }
            last = recovery.reopenIfUnknown(last);
        }
        if (last != null && last.isRunning()) {
            return ImportPlan.refused(new ImportOutcome(ImportOutcome.Kind.ALREADY_RUNNING, summaries.of(last)));
        }
        boolean done = last != null && (last.getStatus() == BatchStatus.COMPLETED
                || last.getStatus() == BatchStatus.ABANDONED);
        if (done && !request.rerun()) {
            return ImportPlan.refused(new ImportOutcome(ImportOutcome.Kind.ALREADY_IMPORTED, summaries.of(last)));
        }
        // A failed or stopped run is restarted, with or without --rerun; a finished one is run anew.
        long run = last == null ? Math.max(rerun, 0) : done ? rerun + 1 : rerun;
        if (refusing) {
            throw new IllegalStateException("onboard is shutting down; " + request.file() + " was not imported");
        }
        JobParameters parameters = ImportParameters.of(feed, inspection, run, request.writers(), request.remote());
        return ImportPlan.start(launchedBy == null ? parameters : new JobParametersBuilder(parameters)
                .addString(ImportParameters.LAUNCHED_BY, launchedBy, false).toJobParameters());
    }

    /** The number of the latest run of this content for the organisation (0, then 1, 2… for reruns), or -1. */
    private long latestRun(Feed feed, FileInspection inspection) {
        long run = -1;
        while (jobRepository.getJobInstance(CustomerImportJobConfiguration.JOB_NAME,
                ImportParameters.identifying(feed, inspection, run + 1)) != null) {
            run++;
        }
        return run;
    }

    /** Refuses a header without the required columns, or with unknown ones the feed forbids. */
    private void checkHeader(Feed feed, FileInspection inspection) {
        List<FieldDefinition> known = new ArrayList<>(definitions.load(feed.organization().id()));
        for (FieldDeclaration declared : feed.fields()) {
            known.add(new FieldDefinition(null, declared.name(), declared.type(), declared.requiredFor(),
                    declared.values()));
        }
        FileHeader header = FileHeader.resolve(inspection.file(), inspection.headerCells(), known);
        if (feed.unknownColumns() == UnknownColumnPolicy.CREATE) {
            header.requireFieldNamesForUnknownColumns(inspection.file());
        }
        if (feed.unknownColumns() == UnknownColumnPolicy.REJECT_FILE && !header.unknownColumns().isEmpty()) {
            throw new UnimportableFileException(inspection.file(), "line 1: columns "
                    + String.join(", ", header.unknownColumns()) + " match no customer field of "
                    + feed.organization().name() + " (the feed refuses unknown columns)");
        }
    }
}
