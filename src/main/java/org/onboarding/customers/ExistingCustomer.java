package org.onboarding.customers;

import java.util.UUID;

import org.onboarding.feed.AccountType;
import org.onboarding.feed.IdentityField;

/**
 * What the database already knows of a customer that a chunk names, by referenceId, BVN, email or
 * phone.
 *
 * @param lastJobInstanceId the import that wrote it last; equal to the running one when an
 *                          earlier line of the same file wrote it
 * @param lastSourceLine    the line of that file
 */
public record ExistingCustomer(UUID id, String referenceId, AccountType accountType, String bvn, String email,
        String phone, Long lastJobInstanceId, Long lastSourceLine) {

    /** The customer's value of one of the identities customers are matched by; null when it has none. */
    public String identity(IdentityField identity) {
        return switch (identity) {
            case BVN -> bvn;
            case EMAIL -> email;
            case PHONE -> phone;
            default -> throw new IllegalArgumentException(identity + " is not an identity customers are matched by");
        };
    }
}
