package org.onboarding.rules;

import java.util.List;

import org.onboarding.feed.AccountType;

/** accountTypeId (000): exactly 1 (Person) or 2 (Company). */
final class AccountTypeRule {

    public static final String FIELD = "accountTypeId";

    public AccountType check(String raw, List<Violation> violations) {
        if (raw == null) {
            violations.add(new Violation(FIELD, "accountTypeId is required: 1 (Person) or 2 (Company)"));
            return null;
        }
        if (raw.equals("1")) {
            return AccountType.PERSON;
        }
        if (raw.equals("2")) {
            return AccountType.COMPANY;
        }
        violations.add(new Violation(FIELD, "accountTypeId must be 1 (Person) or 2 (Company), not "
                + Violation.quote(raw)));
        return null;
    }
}
