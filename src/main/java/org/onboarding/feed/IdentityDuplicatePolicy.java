package org.onboarding.feed;

/**
 * What an import does with a row whose BVN already belongs to another referenceId of the same
 * organisation and account type.
 */
public enum IdentityDuplicatePolicy {
    /** Reject the row, naming the referenceId that holds the BVN (the default). */
    REJECT,
    /**
     * Treat the row as that existing customer and leave it unchanged, like 004's
     * {@code returnIfExist=true}: no new customer, no error, a warning naming both referenceIds.
     */
    USE_EXISTING
}
