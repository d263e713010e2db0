package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRuleTest {

    private final EmailRule rule = new EmailRule();
    private final List<Violation> violations = new ArrayList<>();

    private String check(String raw) {
        return rule.check(raw, violations);
    }

    @Test
    void storesTheAddressLowerCased() {
        assertThat(check("Ada@Example.COM")).isEqualTo("ada@example.com");
        assertThat(violations).isEmpty();
    }

    @Test
    void absentEmailIsNotThisRulesViolation() {
        assertThat(check(null)).isNull();
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@@example", "ada@@example.com", "ada", "ada@example", "ada @example.com",
            "@example.com", "ada@"})
    void rejectsAnInvalidAddress(String raw) {
        assertThat(check(raw)).isNull();
        assertThat(violations).containsExactly(new Violation("email", "email is not a valid email address"));
    }

    @Test
    void namesTheCustomFieldItChecks() {
        assertThat(rule.check("work_email", "ada@@example", violations)).isNull();
        assertThat(violations).containsExactly(new Violation("work_email", "work_email is not a valid email address"));
    }
}
