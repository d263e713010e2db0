package org.onboarding.operations;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.onboarding.feed.FeedCatalog;
import org.onboarding.webhooks.EventStatus;
import org.onboarding.webhooks.StoredEvent;
import org.onboarding.webhooks.WebhookEventStore;
import org.springframework.stereotype.Component;

/**
 * Webhook events that failed after their last attempt, put back in the queue with a fresh retry
 * schedule, for the command line and the console alike; each re-queue is in the operator log.
 */
@Component
public class DeadLetters {

    private final WebhookEventStore store;
    private final FeedCatalog feeds;
    private final Clock clock;
    private final OperatorLog operatorLog;

    DeadLetters(WebhookEventStore store, FeedCatalog feeds, Clock clock, OperatorLog operatorLog) {
        this.store = store;
        this.feeds = feeds;
        this.clock = clock;
        this.operatorLog = operatorLog;
    }

    /** Re-queues every failed event, or only those of one feed's organisation; returns how many. */
    public int retryAll(String feed, Operator operator) {
        UUID organization = feed == null ? null : feeds.find(feed).organization().id();
        int requeued = store.requeueFailed(null, organization, clock.instant());
        operatorLog.did(operator, "re-queued " + requeued + " failed webhook events" + (feed == null ? "" : " of feed " + feed));
        return requeued;
    }

    /**
     * Re-queues these failed events, all or none: an unknown id or an event that has not failed refuses
     * them all, in one line, so that the operator corrects the ask with nothing half done.
     */
    public int retry(Collection<UUID> ids, Operator operator) {
        List<UUID> distinct = ids.stream().distinct().toList();
        Map<UUID, StoredEvent> found = store.find(distinct);
        List<String> refusals = distinct.stream().map(id -> refusal(id, found.get(id))).filter(Objects::nonNull).toList();
        if (!refusals.isEmpty()) {
            throw new OperationRefusedException("nothing re-queued: " + String.join("; ", refusals));
        }
        int requeued = store.requeueFailed(distinct, null, clock.instant());
        operatorLog.did(operator, "re-queued " + requeued + " failed webhook events " + distinct);
        return requeued;
    }

    /** Why this event cannot be re-queued, or null when it can. */
    private static String refusal(UUID id, StoredEvent event) {
        if (event == null) {
            return "no webhook event " + id;
        }
        return event.status() == EventStatus.FAILED ? null
                : "event " + id + " is " + event.status() + "; only failed events are re-queued";
    }
}
