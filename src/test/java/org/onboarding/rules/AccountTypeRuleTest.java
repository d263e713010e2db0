package org.onboarding.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.feed.AccountType;

class AccountTypeRuleTest {

    private final CellCheck<AccountType> accountType = new CellCheck<>("accountTypeId", new AccountTypeRule()::check);

    @ParameterizedTest
    @CsvSource({"1, PERSON", "2, COMPANY"})
    void acceptsOneForPersonAndTwoForCompany(String raw, AccountType expected) {
        accountType.assertAccepted(raw, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "1.0", "01", "person", "Company", "-1", "１"})
    void rejectsAnythingElseQuotingTheValue(String raw) {
        accountType.assertRejected(raw).contains("1 (Person) or 2 (Company)").contains("'" + raw + "'");
    }

    @Test
    void absentAccountTypeIsRequired() {
        accountType.assertRejected(null).contains("required");
    }
}
