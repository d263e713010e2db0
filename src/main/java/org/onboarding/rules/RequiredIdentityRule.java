package org.onboarding.rules;

import java.util.List;
import java.util.Map;

import org.onboarding.feed.AccountType;
import org.onboarding.feed.Feed;
import org.onboarding.feed.IdentityField;

/**
 * The identity keys a feed requires per account type (the demo feed: a BVN for both). Only an
 * absent value is reported here; a present but invalid one is its own rule's violation.
 */
final class RequiredIdentityRule {

    private final Feed feed;

    public RequiredIdentityRule(Feed feed) {
        this.feed = feed;
    }

    /** @param rawValues the row's raw identity cells (null when blank) */
    public void check(AccountType accountType, Map<IdentityField, String> rawValues, List<Violation> violations) {
        for (IdentityField field : feed.requiredIdentity(accountType)) {
            if (rawValues.get(field) == null) {
                violations.add(new Violation(field.columnName(), field.columnName() + " is required for a "
                        + accountType.label()));
            }
        }
    }
}
