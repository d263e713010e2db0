package org.onboarding.webhooks;

import java.util.UUID;

/**
 * A queued event a dispatcher has claimed for sending.
 *
 * @param id       the event's id: the {@code webhook-id} receivers deduplicate on
 * @param attempts how many attempts were made before this one
 * @param payload  the JSON body, sent exactly as queued
 */
record DueEvent(UUID id, UUID organizationId, String type, String payload, int attempts) {
}
