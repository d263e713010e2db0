package org.onboarding.webhooks;

import java.time.Instant;
import java.util.UUID;

/** An event in the outbox as operators list it; its payload is left out, as it names customers. */
public record StoredEvent(UUID id, UUID organizationId, String type, EventStatus status, int attempts,
        Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError) {
}
