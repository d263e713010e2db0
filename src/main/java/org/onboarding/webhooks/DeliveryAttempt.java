package org.onboarding.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver an event, as {@code webhook_attempt} keeps it.
 *
 * @param statusCode the endpoint's HTTP status; null when no response came (refused, timed out)
 * @param error      why the attempt failed; null when it delivered
 */
record DeliveryAttempt(DueEvent event, Instant attemptedAt, Integer statusCode, long latencyMillis,
        String error) {

    /** Only a 2xx response delivers an event; anything else is tried again. */
    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** The attempt's number for this event, 1 for the first. */
    public int number() {
        return event.attempts() + 1;
    }
}
