package org.onboarding.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRuleTest {

    private final EmailRule rule = new EmailRule();
    private final CellCheck<String> email = new CellCheck<>("email", rule::check);

    @Test
    void storesTheAddressLowerCased() {
        email.assertAccepted("Ada@Example.COM", "ada@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@@example", "ada@@example.com", "ada", "ada@example", "ada @example.com",
            "@example.com", "ada@"})
    void rejectsAnInvalidAddress(String raw) {
        email.assertRejected(raw, "email is not a valid email address");
    }

    @Test
    void namesTheCustomFieldItChecks() {
        CellCheck<String> workEmail = new CellCheck<>("work_email", (raw, found) -> rule.check("work_email", raw, found));

        workEmail.assertRejected("ada@@example", "work_email is not a valid email address");
    }

    @Test
    void aDomainSeenBeforeKeepsItsVerdictAndTheLocalPartIsStillChecked() {
        sameRule().assertAccepted("ada@example.com", "ada@example.com");
        sameRule().assertRejected("a da@example.com", "email is not a valid email address");
        sameRule().assertAccepted("obi@example.com", "obi@example.com");
        sameRule().assertRejected("ada@example.notatld", "email is not a valid email address");
        sameRule().assertRejected("obi@example.notatld", "email is not a valid email address");
    }

    /** A check of its own (one cell's violations) by the rule every other check used. */
    private CellCheck<String> sameRule() {
        return new CellCheck<>("email", rule::check);
    }
}
