package org.onboarding.webhooks;

import java.time.Instant;

/**
 * What an attempt leaves an event as: delivered, pending until {@code nextAttemptAt}, or failed.
 */
record DeliveryOutcome(DeliveryAttempt attempt, EventStatus status, Instant nextAttemptAt) {
}
