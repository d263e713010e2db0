package org.onboarding.connections;

import java.util.UUID;

/** A connection to store: the customer holds the role toward the related customer. */
public record Connection(UUID customerId, UUID relatedCustomerId, ConnectionRole role) {
}
