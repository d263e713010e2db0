package org.onboarding.remote;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.onboarding.file.FileInspector;
import org.onboarding.imports.ImportTally;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ImportParameters;
import org.onboarding.job.ImportSummaries;
import org.onboarding.lease.LeaseHolder;
import org.onboarding.lease.PartLeases;
import org.onboarding.pii.PiiText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.EmptyResultDataAccessException;

import tools.jackson.databind.json.JsonMapper;

/**
 * A worker's side of a remote import: runs the part a request names, as Spring Batch's own
 * {@code StepExecutionRequestHandler} does, after the checks that make it safe to run anywhere:
 * <ul>
 * <li>the import is still running and the part has not ended (a request sent twice, or left in the
 * queue by an import that ended meanwhile, is dropped);</li>
 * <li>no live worker holds the part: a request the broker redelivered, because the worker that had
 * it died, waits here until that worker's lease lapses, then takes the part over from its last
 * committed chunk;</li>
 * <li>the file at the import's path has the content the import inspected (its SHA-256).</li>
 * </ul>
 * Prints one line as each part starts and one as it ends.
 */
class PartWorker {

    private static final Logger log = LoggerFactory.getLogger(PartWorker.class);
    private static final Duration TAKEOVER_CHECK = Duration.ofMillis(500);
    private static final Duration REQUEUE_PAUSE = Duration.ofSeconds(5);

    private final JobRepository jobRepository;
    private final Step customerPart;
    private final PartLeases leases;
    private final JsonMapper json;
    private final PrintStream out;
    private final Clock clock;
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<FileVersion, String> verified = new ConcurrentHashMap<>();
    private volatile boolean closing;

    PartWorker(JobRepository jobRepository, @Qualifier(CustomerImportJobConfiguration.PART_STEP) Step customerPart,
            PartLeases leases, JsonMapper json, PrintStream out, Clock clock) {
        this.jobRepository = jobRepository;
        this.customerPart = customerPart;
        this.leases = leases;
        this.json = json;
        this.out = out;
        this.clock = clock;
    }

    /** Handles one request from the queue; returns normally once the part is done with, so the broker forgets it. */
    void handle(byte[] body, boolean redelivered) {
        if (closing) {
            // Back to the queue, for another worker: this one is shutting down.
            throw new ImmediateRequeueAmqpException("worker shutting down");
        }
        PartRequest request;
        try {
            request = json.readValue(body, PartRequest.class);
        } catch (RuntimeException unreadable) {
            tell("dropped a message that is not a part request (" + body.length + " bytes)");
            return;
        }
        try {
            handle(request, redelivered);
        } catch (ImmediateRequeueAmqpException sentBack) {
            throw sentBack;
        } catch (RuntimeException unexpected) {
            log.error("Part execution {} of import execution {} could not be run", request.partExecutionId(),
                    request.jobExecutionId(), unexpected);
            failOrRequeue(request, unexpected);
        }
    }

    /**
     * A part this worker could not even start (its database unreachable, say) fails, so that its import
     * ends FAILED and restartable rather than waiting for it; if even that cannot be recorded, it goes
     * back to the queue after a pause, for this worker or another once the database answers.
     */
    private void failOrRequeue(PartRequest request, RuntimeException why) {
        try {
            StepExecution part = load(request.partExecutionId());
            if (part != null && part.getStatus() == BatchStatus.STARTING) {
                fail(part, "worker " + leases.self() + " could not run it: " + ImportSummaries.describe(why));
                return;
            }
        } catch (RuntimeException databaseGone) {
            log.debug("Could not record the failure of part execution {}", request.partExecutionId(), databaseGone);
        }
        pause();
        throw new ImmediateRequeueAmqpException("part execution " + request.partExecutionId() + " could not be run", why);
    }

    /** A pause before a request goes back to the queue, so that it does not come straight back to a worker that cannot run it. */
    private static void pause() {
        try {
            Thread.sleep(REQUEUE_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(PartRequest request, boolean redelivered) {
        StepExecution part = load(request.partExecutionId());
        if (part == null || part.getJobExecutionId() != request.jobExecutionId()) {
            // Most likely this worker's database is not the importing process's: back to the queue, for a
            // worker that has it, rather than lost.
            tell("part execution " + request.partExecutionId() + " of import " + request.jobExecutionId()
                    + " is not in this worker's database: is SPRING_DATASOURCE_URL the importing process's? Sent back"
                    + " to the queue");
            pause();
            throw new ImmediateRequeueAmqpException("part execution " + request.partExecutionId() + " not found");
        }
        if (redelivered && !awaitHolderGone(part)) {
            return;
        }
        part = load(request.partExecutionId());
        Optional<String> refusal = refusal(part);
        if (refusal.isPresent()) {
            log.info("Part {} of import execution {} not run: {}", part.getStepName(), part.getJobExecutionId(),
                    refusal.get());
            return;
        }
        Optional<String> changed = fileChanged(part, request.fileSha256());
        if (changed.isPresent()) {
            fail(part, changed.get());
            return;
        }
        run(part);
    }

    /** Why the part is not to be run here now, if it is not. */
    private Optional<String> refusal(StepExecution part) {
        JobExecution job = part.getJobExecution();
        if (job.getStatus() != BatchStatus.STARTED && job.getStatus() != BatchStatus.STARTING) {
            return Optional.of("the import is " + job.getStatus());
        }
        if (!part.getStatus().isRunning() && part.getStatus() != BatchStatus.STOPPED) {
            return Optional.of("the part is " + part.getStatus());
        }
        Optional<LeaseHolder> holder = leases.liveHolder(part.getId());
        if (holder.isPresent()) {
            return Optional.of("worker " + holder.get().instanceId() + " runs it");
        }
        return Optional.empty();
    }

    /**
     * A redelivered request's part may still be held by the worker that had it: killed a moment ago,
     * its lease is still live. Waits until the lease lapses, or the part ends.
     *
     * @return whether to go on with the request
     */
    private boolean awaitHolderGone(StepExecution part) {
        Optional<LeaseHolder> holder = leases.liveHolder(part.getId());
        if (holder.isEmpty() || holder.get().instanceId().equals(leases.self())) {
            return true;
        }
        tell(String.format("part %s of import %d was held by %s: taking it over once its lease lapses (%d s)",
                part.getStepName(), part.getJobExecutionId(), holder.get().instanceId(),
                holder.get().lease().toSeconds()));
        long deadline = System.nanoTime() + 3 * holder.get().lease().toNanos();
        while (System.nanoTime() < deadline && !closing) {
            try {
                Thread.sleep(TAKEOVER_CHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            StepExecution now = load(part.getId());
            if (now == null || !now.getStatus().isRunning() || leases.liveHolder(part.getId()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void run(StepExecution part) {
        leases.take(part.getId(), part.getJobExecutionId());
        long start = System.nanoTime();
        long rowsBefore = ImportTally.countsIn(part.getExecutionContext()).rows();
        // A part resumed after a stop or a takeover starts over as running; its context says where it resumes.
        part.setExitStatus(ExitStatus.EXECUTING);
        if (!part.getExecutionContext().containsKey(CustomerImportJobConfiguration.PART_FIRST_STARTED)) {
            part.getExecutionContext().putLong(CustomerImportJobConfiguration.PART_FIRST_STARTED,
                    clock.millis());
        }
        // Every worker that ran the part, in turn: the one killed mid-part too.
        String before = part.getExecutionContext().getString(CustomerImportJobConfiguration.PART_WORKER, "");
        if (!List.of(before.split(", ")).contains(leases.self())) {
            part.getExecutionContext().putString(CustomerImportJobConfiguration.PART_WORKER,
                    before.isEmpty() ? leases.self() : before + ", " + leases.self());
        }
        tell(String.format("started part %s of import %d (%s)%s", part.getStepName(), part.getJobExecutionId(),
                fileName(part), rowsBefore > 0 ? String.format(", resuming after %,d rows", rowsBefore) : ""));
        running.add(part);
        try {
            customerPart.execute(part);
        } catch (JobInterruptedException stopped) {
            part.setStatus(BatchStatus.STOPPED);
        } catch (RuntimeException failed) {
            log.error("Part {} of import execution {} failed", part.getStepName(), part.getJobExecutionId(), failed);
        } finally {
            running.remove(part);
            leases.release(part.getId());
        }
        long rows = ImportTally.countsIn(part.getExecutionContext()).rows() - rowsBefore;
        tell(String.format("ended part %s of import %d: %s, %,d rows in %.1f s", part.getStepName(),
                part.getJobExecutionId(), part.getStatus(), rows, (System.nanoTime() - start) / 1e9));
    }

    /** Whether the file the import names is not the content it inspected; hashed once per version of the file. */
    private Optional<String> fileChanged(StepExecution part, String expected) {
        Path file = ImportParameters.file(part.getJobExecution().getJobParameters());
        String sha256;
        try {
            FileVersion version = new FileVersion(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
            sha256 = verified.get(version);
            if (sha256 == null) {
                sha256 = FileInspector.sha256Of(file);
                verified.clear();
                verified.put(version, sha256);
            }
        } catch (IOException e) {
            return Optional.of("cannot read " + file + " on worker " + leases.self() + " ("
                    + e.getClass().getSimpleName() + "): every worker must see the file at the path the import"
                    + " gives");
        }
        if (!sha256.equals(expected)) {
            return Optional.of(file + " on worker " + leases.self() + " is not the content the import inspected"
                    + " (its SHA-256 differs)");
        }
        return Optional.empty();
    }

    /**
     * Puts why the part failed, in one line, before the stack trace Spring Batch recorded, whose root
     * cause its column often cuts off: the importing process reports that line.
     */
    private void fail(StepExecution part, String why) {
        if (!EndedPart.record(jobRepository, part, BatchStatus.FAILED, why)) {
            log.debug("Part {} changed while being failed", part.getId());
        }
        tell("failed part " + part.getStepName() + " of import " + part.getJobExecutionId() + ": " + why);
    }

    /** Asks the parts running here to stop at their next chunk, and no new part to start: the worker is shutting down. */
    void close() {
        closing = true;
        running.forEach(StepExecution::setTerminateOnly);
    }

    /** Whether a part still runs here. */
    boolean busy() {
        return !running.isEmpty();
    }

    /** How many parts run here now. */
    int running() {
        return running.size();
    }

    private StepExecution load(long partExecutionId) {
        try {
            return jobRepository.getStepExecution(partExecutionId);
        } catch (EmptyResultDataAccessException none) {
            return null;
        }
    }

    private void tell(String line) {
        out.println("Worker " + leases.self() + ": " + PiiText.escape(line));
        out.flush();
    }

    private static String fileName(StepExecution part) {
        return ImportParameters.file(part.getJobExecution().getJobParameters()).getFileName().toString();
    }

    private record FileVersion(Path file, long bytes, long modifiedMillis) {
    }
}
