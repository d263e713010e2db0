package org.onboarding.webhooks;

import java.time.Instant;

/**
 * An endpoint's circuit breaker: after {@code failures} failed attempts in a row the endpoint is
 * paused ({@link State#OPEN}) for the cool-down, its events waiting as they are, no attempt spent;
 * then one request at a time probes it ({@link State#HALF_OPEN}) until one is delivered, which closes
 * the circuit, or fails, which opens it again.
 *
 * @param failures    failed attempts in a row, the latest included
 * @param lastFailure when the latest failed; null if none did
 * @param pausedUntil when an open circuit lets a probe through; null unless open or half-open
 */
public record Circuit(State state, int failures, Instant lastFailure, Instant pausedUntil) {

    /** Whether an endpoint's events are sent. */
    public enum State {
        /** Sent as usual. */
        CLOSED,
        /** Paused: its events wait, and none is attempted, until the cool-down has passed. */
        OPEN,
        /** The cool-down has passed: one request at a time tells whether the endpoint is back. */
        HALF_OPEN
    }

    /** The circuit of an endpoint with this run of failures, now. */
    public static Circuit of(int failures, Instant lastFailure, WebhookProperties.CircuitBreaker breaker, Instant now) {
        if (failures < breaker.failures() || lastFailure == null) {
            return new Circuit(State.CLOSED, failures, lastFailure, null);
        }
        Instant pausedUntil = lastFailure.plus(breaker.coolDown());
        return new Circuit(now.isBefore(pausedUntil) ? State.OPEN : State.HALF_OPEN, failures, lastFailure, pausedUntil);
    }

    /** The circuit after an attempt at {@code attempt}'s time. */
    public Circuit after(DeliveryAttempt attempt, WebhookProperties.CircuitBreaker breaker, Instant now) {
        return attempt.delivered() ? of(0, lastFailure, breaker, now) : of(failures + 1, attempt.attemptedAt(), breaker, now);
    }
}
