package org.onboarding.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due events in batches, sends each batch to its organisation's
 * endpoint and records every attempt, rescheduling failures on the {@link RetrySchedule} until the
 * last attempt makes them dead letters. Several dispatchers may run at once: a claimed batch is
 * no other's until its lease ends. Delivery is at least once: a dispatcher that dies after sending
 * but before recording leaves the batch due again, with the same event ids.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookEventStore store;
    private final WebhookSender sender;
    private final WebhookEndpoints endpoints;
    private final WebhookProperties properties;
    private final Clock clock;

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
     * always ends, however its endpoints answer.
     */
    public DeliveryRun deliverDue() {
        List<WebhookEndpoint> all = endpoints.all();
        Map<UUID, WebhookEndpoint> deliverable = all.stream().filter(WebhookEndpoint::deliverable)
                .collect(Collectors.toMap(WebhookEndpoint::organizationId, Function.identity()));
        Instant dueBy = clock.instant();
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        List<DueEvent> batch;
        Instant leaseUntil;
        while (!(batch = store.claim(deliverable.keySet(), dueBy,
                leaseUntil = clock.instant().plus(properties.claimLease()).truncatedTo(ChronoUnit.MILLIS),
                properties.batchSize())).isEmpty()) {
            // Every request of the batch is under way before any is waited for: the batch ends within one timeout.
            List<CompletableFuture<DeliveryAttempt>> sending = batch.stream()
                    .map(event -> sender.send(deliverable.get(event.organizationId()), event)).toList();
            List<DeliveryOutcome> outcomes = sending.stream().map(CompletableFuture::join).map(this::outcome).toList();
            store.record(outcomes, leaseUntil);
            for (DeliveryOutcome outcome : outcomes) {
                switch (outcome.status()) {
                    case DELIVERED -> delivered++;
                    case PENDING -> retrying++;
                    case FAILED -> failed++;
                }
            }
        }
        List<WebhookEndpoint> held = all.stream().filter(endpoint -> !endpoint.deliverable()).toList();
        Map<UUID, Long> pending = store.pending(held.stream().map(WebhookEndpoint::organizationId).toList());
        List<DeliveryRun.HeldEvents> heldEvents = held.stream()
                .map(endpoint -> new DeliveryRun.HeldEvents(endpoint, pending.getOrDefault(endpoint.organizationId(), 0L)))
                .toList();
        if (delivered + retrying + failed > 0) {
            log.info("Webhooks: {} delivered, {} to retry, {} failed after their last attempt", delivered, retrying, failed);
        }
        return new DeliveryRun(delivered, retrying, failed, heldEvents);
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
}
