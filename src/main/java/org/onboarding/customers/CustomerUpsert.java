package org.onboarding.customers;

import java.util.UUID;

import org.onboarding.rules.ValidCustomer;

/**
 * One customer row a chunk writes: an existing customer's id, or a new one's.
 *
 * @param line    the file line whose values win (the last of the chunk's rows for this referenceId)
 * @param created whether the chunk creates the customer (rather than updating one stored before it)
 */
public record CustomerUpsert(UUID id, ValidCustomer customer, long line, boolean created) {
}
