package org.onboarding.webhooks;

import java.util.UUID;

/**
 * A notification to queue in the outbox.
 *
 * @param key     the event type and its subject: the same key is never queued twice
 * @param payload the JSON body receivers get
 */
public record QueuedEvent(UUID organizationId, String type, String key, String payload, Long jobInstanceId) {
}
