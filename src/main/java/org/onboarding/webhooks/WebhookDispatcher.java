package org.onboarding.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: sends due events to their organisation's endpoint and records every attempt,
 * rescheduling failures on the {@link RetrySchedule} until the last attempt makes them dead letters.
 * <p>
 * Endpoints are served side by side and independently: each has at most
 * {@code per-endpoint-concurrency} requests in flight, the dispatcher at most {@code batch-size}, and
 * each attempt is recorded as it ends, its endpoint then claiming its next event. A slow or failing
 * endpoint so holds up only its own events, never another organisation's; one failing time after time
 * is paused for a while by its {@link Circuit}, its events waiting. Under the service, a pass that a
 * slow endpoint's backlog keeps going does not keep the others waiting for the next: while it lasts,
 * the endpoints it is done with look again every second for events due since it began. Every wait is
 * bounded: an attempt ends within the timeout, and one that has not some seconds later is given up as
 * failed.
 * <p>
 * Several dispatchers may run at once: a claimed event is no other's until its lease ends. Delivery
 * is at least once: a dispatcher that dies after sending but before recording leaves the event due
 * again, with the same event id.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    // Past the sender's own timeout: only an attempt whose HTTP client stopped working gets this far.
    private static final Duration GIVE_UP_GRACE = Duration.ofSeconds(5);
    private static final long LOOK_AGAIN_NANOS = Duration.ofSeconds(1).toNanos();

    private final WebhookEventStore store;
    private final WebhookSender sender;
    private final WebhookEndpoints endpoints;
    private final WebhookProperties properties;
    private final Clock clock;
    private final AtomicInteger running = new AtomicInteger();
    private volatile Instant lastProgress;
    private volatile Instant lastPassEnded;
    private volatile Duration passesEvery;
    private volatile boolean stopping;

    public WebhookDispatcher(WebhookEventStore store, WebhookSender sender, WebhookEndpoints endpoints,
            WebhookProperties properties, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.endpoints = endpoints;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends every event due now once, and returns. An event that fails is due again later, so a pass
     * always ends, however its endpoints answer. Under the service (passes expected every so often),
     * the endpoints done with their share also send what falls due while the pass is held up by others,
     * until the last of the events due at its start has had its attempt. Interrupted, it cancels its
     * requests and returns: their events are due again when their lease ends.
     */
    public DeliveryRun deliverDue() {
        if (stopping) {
            return new DeliveryRun(0, 0, 0, List.of(), List.of());
        }
        running.incrementAndGet();
        progressed();
        Pass pass;
        List<WebhookEndpoint> all;
        try {
            all = endpoints.all();
            List<WebhookEndpoint> deliverable = all.stream().filter(WebhookEndpoint::deliverable).toList();
            Map<UUID, Circuit> circuits = store.circuits(deliverable.stream().map(WebhookEndpoint::organizationId).toList(),
                    properties.circuit(), clock.instant());
            pass = new Pass(deliverable, circuits, clock.instant(), passesEvery != null);
            try {
                pass.run();
            } catch (InterruptedException e) {
                pass.abandon();
                Thread.currentThread().interrupt();
                log.info("Webhook delivery interrupted: the events in flight are due again when their lease ends");
            }
        } finally {
            running.decrementAndGet();
            lastPassEnded = clock.instant();
        }
        List<WebhookEndpoint> held = all.stream().filter(endpoint -> !endpoint.deliverable()).toList();
        Map<UUID, Long> pending = store.pending(held.stream().map(WebhookEndpoint::organizationId).toList());
        List<DeliveryRun.HeldEvents> heldEvents = held.stream()
                .map(endpoint -> new DeliveryRun.HeldEvents(endpoint, pending.getOrDefault(endpoint.organizationId(), 0L)))
                .toList();
        if (pass.delivered + pass.retrying + pass.failed > 0) {
            log.info("Webhooks: {} delivered, {} to retry, {} failed after their last attempt", pass.delivered,
                    pass.retrying, pass.failed);
        }
        List<Lane> open = pass.lanes.stream().filter(lane -> lane.circuit.state() == Circuit.State.OPEN).toList();
        Map<UUID, Long> waiting = store.pending(open.stream().map(lane -> lane.endpoint.organizationId()).toList());
        List<DeliveryRun.PausedEndpoint> paused = open.stream().map(lane -> new DeliveryRun.PausedEndpoint(lane.endpoint,
                lane.circuit, waiting.getOrDefault(lane.endpoint.organizationId(), 0L))).toList();
        return new DeliveryRun(pass.delivered, pass.retrying, pass.failed, heldEvents, paused);
    }

    /**
     * Ends the pass under way, if any, within a second: its requests are cancelled and their events are due
     * again when their lease ends; no later pass starts. Unlike an interrupt, this never stops a thread
     * inside a JDBC call (an interrupt there closes an embedded H2 database for the whole process).
     */
    public void stop() {
        stopping = true;
    }

    /**
     * Says that passes are to come every {@code interval}, as the service schedules them: a dispatcher
     * that then runs none for long is stuck, and {@link WebhookDispatcherHealthIndicator} says so.
     */
    public void expectPassesEvery(Duration interval) {
        progressed();
        passesEvery = interval;
    }

    /** How this dispatcher's passes are going, for its health. */
    public DispatcherProgress progress() {
        return new DispatcherProgress(running.get() > 0, lastProgress, lastPassEnded, passesEvery);
    }

    /**
     * A dispatcher's progress.
     *
     * @param passRunning   whether a pass is under way
     * @param lastProgress  when a pass last started, claimed or recorded; null before the first
     * @param lastPassEnded when a pass last ended; null before the first
     * @param passesEvery   the interval passes are scheduled at; null when none are (a command's one pass)
     */
    public record DispatcherProgress(boolean passRunning, Instant lastProgress, Instant lastPassEnded,
            Duration passesEvery) {
    }

    private void progressed() {
        lastProgress = clock.instant();
    }

    private DeliveryOutcome outcome(DeliveryAttempt attempt) {
        DueEvent event = attempt.event();
        if (attempt.delivered()) {
            return new DeliveryOutcome(attempt, EventStatus.DELIVERED, null);
        }
        return properties.retry().nextAttempt(attempt.attemptedAt(), attempt.number())
                .map(next -> {
                    log.info("Webhook {} ({}) attempt {} failed: {}; next attempt at {}", event.id(), event.type(),
                            attempt.number(), attempt.error(), next.truncatedTo(ChronoUnit.SECONDS));
                    return new DeliveryOutcome(attempt, EventStatus.PENDING, next);
                })
                .orElseGet(() -> {
                    log.warn("Webhook {} ({}) failed its last attempt ({}): {}. It is a dead letter until "
                            + "'./onboard webhooks retry {}'", event.id(), event.type(), attempt.number(), attempt.error(),
                            event.id());
                    return new DeliveryOutcome(attempt, EventStatus.FAILED, null);
                });
    }

    /** One endpoint's share of a pass. */
    private final class Lane {

        final WebhookEndpoint endpoint;
        Circuit circuit;
        int inFlight;
        // No event of this endpoint was left due by the pass's start when it last claimed.
        boolean drained;
        // When a drained endpoint may next look for events due since the pass began (System.nanoTime).
        long lookAgainAt;

        Lane(WebhookEndpoint endpoint, Circuit circuit) {
            this.endpoint = endpoint;
            this.circuit = circuit;
        }

        /** How many more requests this endpoint may have in flight now. */
        int room() {
            circuit = Circuit.of(circuit.failures(), circuit.lastFailure(), properties.circuit(), clock.instant());
            return switch (circuit.state()) {
                case CLOSED -> properties.perEndpointConcurrency() - inFlight;
                case HALF_OPEN -> inFlight == 0 ? 1 : 0;
                case OPEN -> 0;
            };
        }

        void ended(DeliveryAttempt attempt) {
            inFlight--;
            Circuit before = circuit;
            circuit = circuit.after(attempt, properties.circuit(), clock.instant());
            if (circuit.state() == Circuit.State.OPEN && before.state() != Circuit.State.OPEN) {
                log.warn("Webhook endpoint of {} paused until {} after {} failed attempts in a row; the last: {}",
                        endpoint.organizationName(), circuit.pausedUntil().truncatedTo(ChronoUnit.SECONDS),
                        circuit.failures(), attempt.error());
            } else if (circuit.state() == Circuit.State.CLOSED && before.state() == Circuit.State.HALF_OPEN) {
                log.info("Webhook endpoint of {} answers again: no longer paused", endpoint.organizationName());
            }
        }
    }

    /** A request under way, and what its attempt is recorded under. */
    private record InFlight(Lane lane, DueEvent event, Instant attemptedAt, Instant leaseUntil,
            CompletableFuture<DeliveryAttempt> attempt, long giveUpAt, boolean dueAtStart) {
    }

    /**
     * One pass over the outbox: the events due by {@code dueBy}, each tried once; with {@code lookAgain},
     * also those falling due while it lasts.
     */
    private final class Pass {

        final List<Lane> lanes;
        private final Instant dueBy;
        private final boolean lookAgain;
        private final Map<UUID, InFlight> inFlight = new HashMap<>();
        private final BlockingQueue<DeliveryAttempt> ended = new LinkedBlockingQueue<>();
        private int firstLane;
        int delivered;
        int retrying;
        int failed;

        Pass(List<WebhookEndpoint> deliverable, Map<UUID, Circuit> circuits, Instant dueBy, boolean lookAgain) {
            this.lanes = deliverable.stream().map(endpoint -> new Lane(endpoint, circuits.get(endpoint.organizationId())))
                    .toList();
            this.dueBy = dueBy;
            this.lookAgain = lookAgain;
        }

        void run() throws InterruptedException {
            while (!stopping) {
                claimAndSend();
                if (inFlight.isEmpty()) {
                    return;
                }
                recordWhatEnded();
            }
            abandon();
        }

        /** Fills the free places, endpoint by endpoint, starting one further each time so that none always goes first. */
        private void claimAndSend() {
            int count = lanes.size();
            boolean owed = stillOwed();
            for (int i = 0; i < count && inFlight.size() < properties.batchSize(); i++) {
                Lane lane = lanes.get((firstLane + i) % count);
                boolean dueAtStart = !lane.drained;
                if (!dueAtStart && !mayLookAgain(lane, owed)) {
                    continue;
                }
                int room = Math.min(lane.room(), properties.batchSize() - inFlight.size());
                if (room <= 0) {
                    continue;
                }
                Instant leaseUntil = clock.instant().plus(properties.claimLease()).truncatedTo(ChronoUnit.MILLIS);
                List<DueEvent> claimed = store.claim(Set.of(lane.endpoint.organizationId()),
                        dueAtStart ? dueBy : clock.instant(), leaseUntil, room);
                progressed();
                if (claimed.size() < room) {
                    lane.drained = true;
                    lane.lookAgainAt = System.nanoTime() + LOOK_AGAIN_NANOS;
                }
                for (DueEvent event : claimed) {
                    send(lane, event, leaseUntil, dueAtStart);
                }
            }
            firstLane = count == 0 ? 0 : (firstLane + 1) % count;
        }

        /**
         * Whether an endpoint done with the events due at the pass's start may now claim those due since:
         * under the service, a second after it last found none, while some of the pass's own events are
         * still to be tried (so the pass still ends).
         */
        private boolean mayLookAgain(Lane lane, boolean owed) {
            return lookAgain && owed && System.nanoTime() - lane.lookAgainAt >= 0;
        }

        private boolean stillOwed() {
            return lanes.stream().anyMatch(lane -> !lane.drained)
                    || inFlight.values().stream().anyMatch(InFlight::dueAtStart);
        }

        private void send(Lane lane, DueEvent event, Instant leaseUntil, boolean dueAtStart) {
            Instant attemptedAt = clock.instant();
            long giveUpAt = System.nanoTime() + properties.timeout().plus(GIVE_UP_GRACE).toNanos();
            CompletableFuture<DeliveryAttempt> attempt = sender.send(lane.endpoint, event);
            lane.inFlight++;
            inFlight.put(event.id(), new InFlight(lane, event, attemptedAt, leaseUntil, attempt, giveUpAt, dueAtStart));
            attempt.thenAccept(ended::add);
        }

        /**
         * Waits, no longer than the earliest attempt may take nor than a second (to look again, or to
         * stop), for attempts to end, and records those that did.
         */
        private void recordWhatEnded() throws InterruptedException {
            long earliest = Math.min(inFlight.values().stream().mapToLong(InFlight::giveUpAt).min().orElseThrow(),
                    System.nanoTime() + LOOK_AGAIN_NANOS);
            List<DeliveryAttempt> attempts = new ArrayList<>();
            DeliveryAttempt first = ended.poll(Math.max(0, earliest - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (first != null) {
                attempts.add(first);
                ended.drainTo(attempts);
            }
            Map<Instant, List<DeliveryOutcome>> byLease = new LinkedHashMap<>();
            for (DeliveryAttempt attempt : attempts) {
                InFlight request = inFlight.remove(attempt.event().id());
                if (request != null) {
                    finish(request, attempt, byLease);
                }
            }
            long now = System.nanoTime();
            for (Iterator<InFlight> requests = inFlight.values().iterator(); requests.hasNext();) {
                InFlight request = requests.next();
                if (request.giveUpAt() - now <= 0) {
                    requests.remove();
                    request.attempt().cancel(true);
                    long latency = Duration.between(request.attemptedAt(), clock.instant()).toMillis();
                    finish(request, new DeliveryAttempt(request.event(), request.attemptedAt(), null, Math.max(latency, 0),
                            "no outcome " + GIVE_UP_GRACE.toSeconds() + " s after the timeout: given up"), byLease);
                }
            }
            byLease.forEach((leaseUntil, outcomes) -> store.record(outcomes, leaseUntil));
            if (!byLease.isEmpty()) {
                progressed();
            }
        }

        private void finish(InFlight request, DeliveryAttempt attempt, Map<Instant, List<DeliveryOutcome>> byLease) {
            request.lane().ended(attempt);
            DeliveryOutcome outcome = outcome(attempt);
            byLease.computeIfAbsent(request.leaseUntil(), lease -> new ArrayList<>()).add(outcome);
            switch (outcome.status()) {
                case DELIVERED -> delivered++;
                case PENDING -> retrying++;
                case FAILED -> failed++;
            }
        }

        /** Cancels every request still under way; their events stay claimed until their lease ends. */
        void abandon() {
            inFlight.values().forEach(request -> request.attempt().cancel(true));
            inFlight.clear();
        }
    }
}
