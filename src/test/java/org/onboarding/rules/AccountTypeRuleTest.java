package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.feed.AccountType;

class AccountTypeRuleTest {

    private final AccountTypeRule rule = new AccountTypeRule();
    private final List<Violation> violations = new ArrayList<>();

    private AccountType check(String raw) {
        return rule.check(raw, violations);
    }

    @ParameterizedTest
    @CsvSource({"1, PERSON", "2, COMPANY"})
    void acceptsOneForPersonAndTwoForCompany(String raw, AccountType expected) {
        assertThat(check(raw)).isEqualTo(expected);
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "1.0", "01", "person", "Company", "-1", "１"})
    void rejectsAnythingElseQuotingTheValue(String raw) {
        assertThat(check(raw)).isNull();
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("accountTypeId");
            assertThat(violation.reason()).contains("1 (Person) or 2 (Company)").contains("'" + raw + "'");
        });
    }

    @Test
    void absentAccountTypeIsRequired() {
        assertThat(check(null)).isNull();
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("accountTypeId");
            assertThat(violation.reason()).contains("required");
        });
    }
}
