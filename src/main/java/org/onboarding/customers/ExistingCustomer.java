package org.onboarding.customers;

import java.util.UUID;

import org.onboarding.feed.AccountType;

/**
 * What the database already knows of a customer that a chunk names, by referenceId or by BVN.
 *
 * @param lastJobInstanceId the import that wrote it last; equal to the running one when an
 *                          earlier line of the same file wrote it
 * @param lastSourceLine    the line of that file
 */
public record ExistingCustomer(UUID id, String referenceId, AccountType accountType, String bvn,
        Long lastJobInstanceId, Long lastSourceLine) {
}
