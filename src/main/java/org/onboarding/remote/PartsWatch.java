package org.onboarding.remote;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.onboarding.imports.ImportTally;
import org.onboarding.job.ImportSummaries;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ImportParameters;
import org.onboarding.lease.LeaseHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Follows one remote import's parts in the job repository, every poll, until each has ended, and
 * acts for the parts nobody else can act for:
 * <ul>
 * <li>a part STOPPED while the import was not asked to stop was handed back by a worker shutting
 * down: it is sent again, and the next worker resumes it from its last committed chunk;</li>
 * <li>a part waiting while no worker listens, or whose worker is gone (its lease lapsed) and that
 * no other worker took over, fails after {@link RemoteProperties#workerWait()}: the import then
 * ends FAILED, restartable, instead of waiting for ever;</li>
 * <li>while the import is asked to stop, a part no worker runs ends STOPPED here.</li>
 * </ul>
 * A part that failed on its worker does not stop the others: they run to their end, so that a
 * restart redoes only what failed.
 */
final class PartsWatch {

    private static final Logger progress = LoggerFactory.getLogger("org.onboarding.progress");
    private static final Logger log = LoggerFactory.getLogger(PartsWatch.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final StepExecution managerStep;
    private final List<StepExecution> sent;
    private final Set<Long> partIds = new HashSet<>();
    private final WorkerPool pool;
    private final Map<Long, Long> unattendedSince = new HashMap<>();
    private final Map<Long, Integer> resentAtVersion = new HashMap<>();
    private final long startNanos = System.nanoTime();
    private final long totalRows;
    private long rowsAtStart = -1;
    private long lastReport = startNanos;
    private boolean toldNoWorker;

    PartsWatch(StepExecution managerStep, List<StepExecution> parts, WorkerPool pool) {
        this.managerStep = managerStep;
        this.sent = parts;
        this.pool = pool;
        parts.forEach(part -> partIds.add(part.getId()));
        Long records = managerStep.getJobExecution().getJobParameters().getLong(ImportParameters.RECORDS);
        this.totalRows = records == null ? 0 : records;
    }

    /** Waits until every part has ended; returns them as the repository holds them then. */
    Set<StepExecution> awaitEnd() {
        while (true) {
            JobExecution job = pool.jobRepository().getJobExecution(managerStep.getJobExecutionId());
            Map<Long, StepExecution> parts = new LinkedHashMap<>();
            for (StepExecution step : job.getStepExecutions()) {
                if (partIds.contains(step.getId())) {
                    parts.put(step.getId(), step);
                }
            }
            if (parts.values().stream().allMatch(part -> ended(part, job))) {
                pool.leases().releaseAll(job.getId());
                return settled(parts);
            }
            WorkerPool.QueueState queue = pool.queue();
            for (StepExecution part : parts.values()) {
                if (!ended(part, job)) {
                    attend(part, job, queue);
                }
            }
            report(parts.values(), queue.listening());
            try {
                Thread.sleep(pool.properties().poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            }
        }
    }

    /**
     * The parts this process sent, brought up to what the workers recorded: the job's own view of its
     * parts (the summary's counts, the failure it reports) is then the workers' one.
     */
    private Set<StepExecution> settled(Map<Long, StepExecution> recorded) {
        for (StepExecution part : sent) {
            StepExecution worker = recorded.get(part.getId());
            part.setStatus(worker.getStatus());
            part.setExitStatus(worker.getExitStatus());
            part.setStartTime(worker.getStartTime());
            part.setEndTime(worker.getEndTime());
            part.setLastUpdated(worker.getLastUpdated());
            part.setReadCount(worker.getReadCount());
            part.setWriteCount(worker.getWriteCount());
            part.setFilterCount(worker.getFilterCount());
            part.setCommitCount(worker.getCommitCount());
            part.setRollbackCount(worker.getRollbackCount());
            part.setReadSkipCount(worker.getReadSkipCount());
            part.setProcessSkipCount(worker.getProcessSkipCount());
            part.setWriteSkipCount(worker.getWriteSkipCount());
            part.setExecutionContext(worker.getExecutionContext());
            part.setVersion(worker.getVersion());
            if (worker.getStatus() == BatchStatus.FAILED) {
                part.addFailureException(new RemotePartFailedException(part.getStepName(),
                        ImportSummaries.why(worker)));
            }
        }
        return new HashSet<>(sent);
    }

    /** Whether the part is done with: ended for good, or STOPPED because the import was asked to stop. */
    private static boolean ended(StepExecution part, JobExecution job) {
        BatchStatus status = part.getStatus();
        if (status == BatchStatus.STOPPED) {
            return job.getStatus() == BatchStatus.STOPPING || job.getStatus() == BatchStatus.STOPPED;
        }
        return !status.isRunning();
    }

    private void attend(StepExecution part, JobExecution job, WorkerPool.QueueState queue) {
        boolean stopping = job.getStatus() == BatchStatus.STOPPING;
        Optional<LeaseHolder> holder = part.getStatus() == BatchStatus.STARTED
                ? pool.leases().liveHolder(part.getId()) : Optional.empty();
        if (holder.isPresent()) {
            unattendedSince.remove(part.getId());
            return;
        }
        if (stopping) {
            end(part, BatchStatus.STOPPED, "the import was asked to stop before a worker ran this part");
            return;
        }
        if (part.getStatus() == BatchStatus.STOPPED) {
            // Handed back by a worker that is shutting down: the next worker resumes it.
            if (!Integer.valueOf(part.getVersion()).equals(resentAtVersion.get(part.getId()))) {
                resentAtVersion.put(part.getId(), part.getVersion());
                log.info("{} was handed back by its worker (stopping); sent to the workers again", name(part));
                pool.send(part);
            }
        }
        // Waiting for a worker is fine while a live one listens and its request is queued; a part whose worker
        // is gone waits for a takeover; a part not running with nothing queued lost its request on the way.
        // Listening is not enough: a worker that lost the database keeps its broker connection.
        boolean lost = (part.getStatus() == BatchStatus.STARTING || part.getStatus() == BatchStatus.STOPPED)
                && queue.waiting() == 0;
        boolean noLiveWorker = queue.listening() == 0 || queue.liveWorkers() == 0;
        boolean unattended = part.getStatus() == BatchStatus.STARTED || noLiveWorker || lost;
        if (!unattended) {
            unattendedSince.remove(part.getId());
            return;
        }
        long since = unattendedSince.computeIfAbsent(part.getId(), id -> System.nanoTime());
        if (System.nanoTime() - since > pool.properties().workerWait().toNanos()) {
            String why = part.getStatus() == BatchStatus.STARTED
                    ? "its worker stopped renewing its lease and no worker took it over"
                    : queue.listening() == 0 ? "no worker listened on queue " + pool.properties().queue()
                    : noLiveWorker ? "no worker listening on queue " + pool.properties().queue()
                            + " renewed its lease (none reached the database)"
                    : "no worker started it, and its request is no longer queued (see the workers' logs)";
            end(part, BatchStatus.FAILED, why + " within " + pool.properties().workerWait().toSeconds()
                    + " s (onboard.remote.worker-wait)");
        }
    }

    /** Ends a part no worker runs; a worker that started it meanwhile wins, and the next poll sees it. */
    private void end(StepExecution part, BatchStatus status, String why) {
        if (EndedPart.record(pool.jobRepository(), part, status, why)) {
            log.warn("{} ended {}: {}", name(part), status, why);
        } else {
            log.debug("{} changed while being ended; looked at again at the next poll", name(part));
        }
    }

    /** Every few seconds: rows done over all parts, the rate, the time left, and where the parts are. */
    private void report(Iterable<StepExecution> parts, int listening) {
        long rows = 0;
        int running = 0;
        int waiting = 0;
        int done = 0;
        Set<String> workers = new TreeSet<>();
        for (StepExecution part : parts) {
            rows += ImportTally.countsIn(part.getExecutionContext()).rows();
            switch (part.getStatus()) {
                case STARTED -> {
                    running++;
                    String worker = part.getExecutionContext().getString(CustomerImportJobConfiguration.PART_WORKER, null);
                    if (worker != null) {
                        workers.add(worker);
                    }
                }
                case STARTING, STOPPED -> waiting++;
                default -> done++;
            }
        }
        if (rowsAtStart < 0) {
            rowsAtStart = rows;
        }
        // Said at once, not at the next report: the wait for a worker may be shorter than the reports' interval.
        boolean noWorker = listening == 0 && waiting > 0;
        if (noWorker && !toldNoWorker) {
            progress.warn(String.format("No worker is listening on queue %s: %d parts wait for one, for %d s at most"
                    + " (onboard.remote.worker-wait); start one with './onboard worker'", pool.properties().queue(),
                    waiting, pool.properties().workerWait().toSeconds()));
        }
        toldNoWorker = noWorker;
        long now = System.nanoTime();
        if (now - lastReport < REPORT_EVERY_NANOS) {
            return;
        }
        lastReport = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = (rows - rowsAtStart) / Math.max(seconds, 1e-3);
        String where = String.format("parts: %d running%s, %d waiting, %d done", running,
                workers.isEmpty() ? "" : " on " + String.join(", ", workers), waiting, done);
        if (noWorker) {
            where += "; no worker is listening on queue " + pool.properties().queue();
        }
        progress.info(String.format("%,d of %,d rows (%d%%), %,.0f rows/s; %s", rows, totalRows,
                totalRows == 0 ? 100 : rows * 100 / totalRows, rate, where));
    }

    private static String name(StepExecution part) {
        return "Part " + part.getStepName() + " of import execution " + part.getJobExecutionId();
    }
}
