package org.onboarding.webhooks;

import java.time.Instant;
import java.util.Map;

/**
 * How an organisation's endpoint is doing, for operators.
 *
 * @param events          how many of its events are in each status
 * @param attempts        attempts in the last 24 hours
 * @param successes       how many of those were delivered
 * @param averageLatency  their average time, in milliseconds; 0 with no attempts
 * @param lastDelivery    when an event was last delivered; null if never
 * @param lastFailure     when an attempt last failed; null if never
 * @param lastError       that failure's error
 */
public record EndpointHealth(WebhookEndpoint endpoint, Map<EventStatus, Long> events, long attempts, long successes,
        long averageLatency, Instant lastDelivery, Instant lastFailure, String lastError) {

    public long count(EventStatus status) {
        return events.getOrDefault(status, 0L);
    }
}
