package org.onboarding.serve;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.folders.InboxClaims;
import org.onboarding.folders.InboxFiles;
import org.onboarding.job.ExecutionRecovery;
import org.onboarding.job.ImportParameters;
import org.onboarding.lease.ImportLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recovers what processes that died (kill -9, power loss, a lost host) left behind, once their lease
 * has lapsed, and never before: their imports still marked running are marked FAILED (restartable with
 * {@code ./onboard restart ID}, and {@code customer_import.failed} queued), and the files they had
 * claimed leave their claim folders: to {@code failed/} or {@code processed/} when an import of them
 * was recorded, back to the inbox when none was, for a live instance to import. The service runs this
 * at start and then every half lease; several instances may run it at once (Spring Batch's versions let
 * one recover an execution, an atomic move lets one move a file).
 */
@Component
class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final ExecutionRecovery recovery;
    private final ImportLeases leases;
    private final FeedCatalog feeds;
    private final InboxClaims claims;
    private final InboxFiles files;

    InterruptedImports(JdbcTemplate jdbc, JobRepository jobRepository, ExecutionRecovery recovery,
            ImportLeases leases, FeedCatalog feeds, InboxClaims claims, InboxFiles files) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.recovery = recovery;
        this.leases = leases;
        this.feeds = feeds;
        this.claims = claims;
        this.files = files;
    }

    /** Recovers the imports and claimed files of every instance gone; returns the executions marked FAILED. */
    public synchronized List<Long> recover() {
        List<Long> recovered = new ArrayList<>();
        for (long id : leases.lapsedRunningExecutions()) {
            JobExecution execution = jobRepository.getJobExecution(id);
            if (execution == null || !execution.isRunning()) {
                leases.release(id);
                continue;
            }
            if (recovery.owner(id).isPresent()) {
                // A remote import's workers still run parts of it: recovered at a later sweep, once they end.
                continue;
            }
            try {
                JobExecution failed = recovery.recover(execution);
                log.warn("Import execution {} was running in a process that stopped renewing its lease; marked {}."
                        + " Restart it with './onboard restart {}'", id, failed.getStatus(), id);
                recovered.add(id);
            } catch (OptimisticLockingFailureException recoveredElsewhere) {
                log.debug("Import execution {} was recovered by another instance", id);
            }
        }
        for (String feed : feeds.names()) {
            for (Path folder : claims.foldersOfGoneInstances(feed)) {
                settleClaims(feed, folder);
            }
        }
        leases.forgetLapsedInstances();
        return recovered;
    }

    /** Each file a gone instance claimed goes where its import's end sends it, or back to the inbox. */
    private void settleClaims(String feed, Path folder) {
        try (DirectoryStream<Path> claimed = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path file : claimed) {
                try {
                    settle(feed, file.toAbsolutePath().normalize());
                } catch (IOException | RuntimeException e) {
                    // Often another instance settling the same folder moved it first.
                    log.debug("{} not settled here: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot settle the files claimed in {}: {}", folder, e.getMessage());
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException notEmptyOrGone) {
            log.debug("{} not removed: {}", folder, notEmptyOrGone.getMessage());
        }
    }

    private void settle(String feed, Path file) throws IOException {
        Long last = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution_params "
                + "where parameter_name = ? and parameter_value = ?", Long.class, ImportParameters.FILE, file.toString());
        JobExecution execution = last == null ? null : jobRepository.getJobExecution(last);
        if (execution == null) {
            Path returned = claims.giveBack(feed, file);
            log.warn("{}: claimed by an instance that stopped renewing its lease before importing it; returned to {}",
                    file.getFileName(), returned.getParent());
        } else if (!execution.isRunning() && Files.exists(file)) {
            files.afterExecution(feed, file, execution);
        }
    }
}
