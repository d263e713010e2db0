package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.onboarding.feed.AccountType;
import org.onboarding.feed.Feed;
import org.onboarding.feed.IdentityField;
import org.onboarding.feed.Organization;

class RequiredIdentityRuleTest {

    private final List<Violation> violations = new ArrayList<>();

    private static Feed feedRequiring(Map<AccountType, Set<IdentityField>> requiredIdentity) {
        return new Feed("test", new Organization(UUID.randomUUID(), "Test Bank"), null, null, requiredIdentity, null,
                null, null, null, null, null, null, null, null, null);
    }

    private static Feed bvnForEveryone() {
        return feedRequiring(Map.of(AccountType.PERSON, Set.of(IdentityField.BVN),
                AccountType.COMPANY, Set.of(IdentityField.BVN)));
    }

    private static Map<IdentityField, String> identity(IdentityField field, String value) {
        Map<IdentityField, String> values = new EnumMap<>(IdentityField.class);
        values.put(field, value);
        return values;
    }

    private void check(Feed feed, AccountType accountType, Map<IdentityField, String> rawValues) {
        new RequiredIdentityRule(feed).check(accountType, rawValues, violations);
    }

    @ParameterizedTest
    @CsvSource({"PERSON, bvn is required for a Person", "COMPANY, bvn is required for a Company"})
    void aMissingBvnIsReportedForEitherAccountType(AccountType accountType, String reason) {
        check(bvnForEveryone(), accountType, identity(IdentityField.EMAIL, "ada@example.com"));

        assertThat(violations).containsExactly(new Violation("bvn", reason));
    }

    @ParameterizedTest
    @EnumSource(AccountType.class)
    void aPresentBvnSatisfiesTheRequirementEvenIfItIsInvalid(AccountType accountType) {
        check(bvnForEveryone(), accountType, identity(IdentityField.BVN, "2.21E+10"));

        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheRowsAccountTypeCounts() {
        Feed bvnForPersonsOnly = feedRequiring(Map.of(AccountType.PERSON, Set.of(IdentityField.BVN)));

        check(bvnForPersonsOnly, AccountType.COMPANY, identity(IdentityField.EMAIL, "ops@acme.ng"));

        assertThat(violations).isEmpty();
    }

    @Test
    void aFeedWithoutRequirementsRequiresNothing() {
        check(feedRequiring(null), AccountType.PERSON, new EnumMap<>(IdentityField.class));

        assertThat(violations).isEmpty();
    }

    static Stream<Arguments> identityRules() {
        return Stream.of(Arguments.of("BVN", new CellCheck<>("bvn", new BvnRule()::check)),
                Arguments.of("email", new CellCheck<>("email", new EmailRule()::check)),
                Arguments.of("phone", new CellCheck<>("phone", new PhoneRule()::check)));
    }

    /** The other half of the split: whether an identity may be absent is this rule's call alone. */
    @ParameterizedTest(name = "an absent {0} is not the {0} rule's violation")
    @MethodSource("identityRules")
    void anAbsentIdentityIsNotItsOwnRulesViolation(String identity, CellCheck<String> cell) {
        cell.assertAccepted(null, null);
    }

    @Test
    void reportsEveryMissingRequiredKey() {
        Feed strict = feedRequiring(Map.of(AccountType.PERSON,
                Set.of(IdentityField.BVN, IdentityField.EMAIL, IdentityField.ID_NUMBER)));

        check(strict, AccountType.PERSON, identity(IdentityField.EMAIL, "ada@example.com"));

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("bvn", "id_number");
    }
}
