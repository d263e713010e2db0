package org.onboarding.serve;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.feed.FeedException;
import org.onboarding.feed.ImportSchedule;
import org.onboarding.folders.FeedDirectories;
import org.onboarding.folders.InboxClaims;
import org.onboarding.folders.InboxFiles;
import org.onboarding.folders.InboxProperties;
import org.onboarding.job.ImportLauncher;
import org.onboarding.job.ImportOutcome;
import org.onboarding.job.ImportParameters;
import org.onboarding.job.ImportPlan;
import org.onboarding.job.ImportRequest;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.batch.integration.launch.JobLaunchingGateway;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.PollerSpec;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.file.dsl.Files;
import org.springframework.integration.file.filters.AcceptAllFileListFilter;
import org.springframework.integration.file.filters.ChainFileListFilter;
import org.springframework.integration.file.filters.FileListFilter;
import org.springframework.integration.file.filters.FileSystemMarkerFilePresentFileListFilter;
import org.springframework.integration.file.filters.IgnoreHiddenFileListFilter;
import org.springframework.integration.file.filters.LastModifiedFileListFilter;
import org.springframework.integration.file.filters.RegexPatternFileListFilter;
import org.springframework.stereotype.Component;

/**
 * Watches every feed's inbox with Spring Integration: a file inbound adapter per feed, polling
 * oldest file first, feeds a job-launching gateway (Spring Batch Integration), and the file then
 * moves to {@code processed/} or {@code failed/}. A file is picked up only when complete — not hidden,
 * not named {@code *.tmp}, {@code *.part} or {@code *.partial}, and unchanged for the quiet period — and
 * only once, whatever the number of instances watching the inbox: {@link InboxClaims} moves it out of
 * the inbox, atomically, before anything reads it. Each feed's adapter imports one file at a time;
 * different feeds' side by side, up to the scheduler's pool size.
 */
@Component
class InboxWatcher {

    /** Written under a temporary name, then renamed: such names are never picked up. */
    private static final String COMPLETE_NAMES = "^(?!.*\\.(tmp|part|partial)$).+$";

    private final IntegrationFlowContext flows;
    private final FeedCatalog feeds;
    private final FeedDirectories directories;
    private final InboxFiles files;
    private final InboxProperties properties;
    private final ImportLauncher launcher;
    private final JobOperator jobOperator;
    private final Job customerImportJob;
    private final InboxClaims claims;
    private final NightlySchedules schedules;
    private final JobRepository jobRepository;
    private final ServeProperties serveProperties;
    private final List<IntegrationFlowContext.IntegrationFlowRegistration> registrations = new ArrayList<>();

    public InboxWatcher(IntegrationFlowContext flows, FeedCatalog feeds, FeedDirectories directories, InboxFiles files,
            InboxProperties properties, ImportLauncher launcher, JobOperator jobOperator, Job customerImportJob,
            InboxClaims claims, NightlySchedules schedules, JobRepository jobRepository, ServeProperties serveProperties) {
        this.flows = flows;
        this.feeds = feeds;
        this.directories = directories;
        this.files = files;
        this.properties = properties;
        this.launcher = launcher;
        this.jobOperator = jobOperator;
        this.customerImportJob = customerImportJob;
        this.claims = claims;
        this.schedules = schedules;
        this.jobRepository = jobRepository;
        this.serveProperties = serveProperties;
    }

    /** Starts watching the inbox of every declared feed; returns the folders watched. */
    public synchronized List<Path> watchAll() {
        List<Path> watched = new ArrayList<>();
        Map<Path, String> watchedBy = new HashMap<>();
        for (String feed : feeds.names()) {
            String other = watchedBy.putIfAbsent(directories.inbox(feed).toAbsolutePath().normalize(), feed);
            if (other != null) {
                throw new FeedException("Feeds " + other + " and " + feed + " name the same inbox, "
                        + directories.inbox(feed) + ": a dropped file must belong to one feed");
            }
        }
        for (String feed : feeds.names()) {
            files.prepare(feed);
            registrations.add(flows.registration(flow(feed)).id("inbox-" + feed).register());
            watched.add(directories.inbox(feed));
        }
        return watched;
    }

    /** Stops watching: files dropped from now on wait for the next start. */
    public synchronized void stopWatching() {
        registrations.forEach(registration -> flows.remove(registration.getId()));
        registrations.clear();
    }

    private IntegrationFlow flow(String feed) {
        File inbox = directories.inbox(feed).toFile();
        String marker = feeds.find(feed).doneMarker();
        List<FileListFilter<File>> filters = new ArrayList<>(List.of(new IgnoreHiddenFileListFilter()));
        if (marker != null) {
            // First, while the markers are still in the listing: a file waits until its marker is there.
            filters.add(new FileSystemMarkerFilePresentFileListFilter(new AcceptAllFileListFilter<>(), marker));
        }
        filters.add(new RegexPatternFileListFilter(COMPLETE_NAMES));
        filters.add(new LastModifiedFileListFilter(properties.quietPeriod().toSeconds()));
        ChainFileListFilter<File> complete = new ChainFileListFilter<>(filters);
        ImportSchedule schedule = feeds.find(feed).schedule();
        // A scheduled feed's adapter reads its whole inbox when the schedule fires; another, a file per poll.
        PollerSpec poller = schedule == null ? Pollers.fixedDelay(properties.pollInterval()).maxMessagesPerPoll(1)
                : Pollers.fixedDelay(properties.pollInterval()).maxMessagesPerPoll(-1)
                        .advice(schedules.runsOf(feed, schedule));
        return IntegrationFlow
                .from(Files.inboundAdapter(inbox, Comparator.comparingLong(File::lastModified)).filter(complete),
                        adapter -> adapter.poller(poller))
                // Another instance may have claimed the file since it was listed: then the flow ends here. A
                // stopping service claims nothing more: the file waits in the inbox for the next start.
                .handle(File.class, (file, headers) -> launcher.refusingNewLaunches() ? null
                        : claims.claim(feed, file.toPath()).map(claimed -> launchRequest(feed, claimed)).orElse(null))
                .handle(new JobLaunchingGateway(jobOperator),
                        gateway -> gateway.advice(new GatewayLaunchAdvice(feed, files, claims, launcher, jobRepository)))
                .handle(JobExecution.class, (execution, headers) -> {
                    files.afterExecution(feed, ImportParameters.file(execution.getJobParameters()), execution);
                    return null;
                })
                .get();
    }

    /** The job to launch for a claimed file, or null (the flow ends) when there is none to launch. */
    private JobLaunchRequest launchRequest(String feed, Path file) {
        ImportPlan plan;
        try {
            plan = launcher.plan(new ImportRequest(file, feed, null, false, null, serveProperties.remoteImports()));
        } catch (RuntimeException refused) {
            if (launcher.refusingNewLaunches()) {
                // Shutting down: the file goes back to the inbox, for the next start or another instance.
                claims.giveBackQuietly(feed, file);
                return null;
            }
            files.refused(feed, file, refused.getMessage());
            return null;
        }
        if (!plan.startsJob()) {
            ImportOutcome refusal = plan.refusal();
            if (refusal.kind() == ImportOutcome.Kind.ALREADY_IMPORTED) {
                files.alreadyImported(feed, file, refusal.summary().executionId());
            } else {
                files.refused(feed, file, "its content is being imported by execution " + refusal.summary().executionId());
            }
            return null;
        }
        return new JobLaunchRequest(customerImportJob, plan.parameters());
    }
}
