package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.feed.AccountType;
import org.onboarding.feed.FieldDefinition;
import org.onboarding.feed.FieldType;

class CustomFieldRuleTest {

    private final CustomFieldRule rule = new CustomFieldRule(new EmailRule(), new PhoneRule());
    private final List<Violation> violations = new ArrayList<>();

    private static FieldDefinition field(String name, FieldType type, String... values) {
        return new FieldDefinition(UUID.randomUUID(), name, type, Set.of(), List.of(values));
    }

    private static FieldDefinition requiredFor(AccountType accountType) {
        return new FieldDefinition(UUID.randomUUID(), "occupation", FieldType.TEXT, Set.of(accountType), List.of());
    }

    private String check(FieldDefinition definition, String raw) {
        return rule.check(definition, raw, AccountType.PERSON, violations);
    }

    /** A cell of the custom field {@code definition} on a Person's row. */
    private CellCheck<String> cell(FieldDefinition definition) {
        return new CellCheck<>(definition.name(),
                (raw, found) -> rule.check(definition, raw, AccountType.PERSON, found));
    }

    private void assertAccepted(FieldType type, String raw, String canonical) {
        cell(field("value", type)).assertAccepted(raw, canonical);
    }

    private void assertRejected(FieldDefinition definition, String raw, String reasonFragment) {
        cell(definition).assertRejected(raw).contains(reasonFragment);
    }

    @ParameterizedTest
    @CsvSource({"42, 42", "-12.50, -12.50", "0.001, 0.001", "1e3, 1000"})
    void numberIsStoredAsAPlainNumber(String raw, String canonical) {
        assertAccepted(FieldType.NUMBER, raw, canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12,5", "1 000", "NaN", "Infinity", "₦500"})
    void numberRejectsWhatIsNotANumber(String raw) {
        assertRejected(field("income", FieldType.NUMBER), raw, "income must be a number");
    }

    /**
     * BUG (CustomFieldRule.number, CustomFieldRule.java:55): the 1000-character limit is checked on
     * the raw cell but {@code toPlainString()} expands an exponent, so "1E1001" (6 characters)
     * becomes a 1002-character canonical value that customer_field_value.value (varchar(1000))
     * cannot hold. With "1E999999999" it allocates a billion-character string (OutOfMemoryError
     * with a 512 MB heap).
     */
    @Test
    void bugNumberCanonicalValueNeverExceedsTheStoredLengthLimit() {
        String value = check(field("income", FieldType.NUMBER), "1E1001");

        if (value == null) {
            assertThat(violations).as("a number that is refused says why").isNotEmpty();
        } else {
            assertThat(value.length()).as("canonical length").isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void dateWrittenIsoIsAccepted() {
        assertAccepted(FieldType.DATE, "1990-02-28", "1990-02-28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/1990", "28/02/1990", "2023-02-30", "1990-13-01", "1990-2-3", "19900228"})
    void dateRejectsOtherFormatsAndImpossibleDates(String raw) {
        assertRejected(field("date_of_birth", FieldType.DATE), raw, "date written yyyy-MM-dd");
    }

    @ParameterizedTest
    @CsvSource({"yes, true", "YES, true", "y, true", "1, true", "true, true", "True, true",
            "no, false", "No, false", "n, false", "0, false", "false, false", "FALSE, false"})
    void booleanAcceptsYesNoOneZeroAsTrueOrFalse(String raw, String canonical) {
        assertAccepted(FieldType.BOOLEAN, raw, canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "on", "oui"})
    void booleanRejectsAnythingElse(String raw) {
        assertRejected(field("pep", FieldType.BOOLEAN), raw, "pep must be true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"married", "MARRIED", "Married", "mArRiEd"})
    void enumMatchesCaseInsensitivelyAndStoresTheDeclaredSpelling(String raw) {
        assertThat(check(field("marital_status", FieldType.ENUM, "Single", "Married"), raw)).isEqualTo("Married");
        assertThat(violations).isEmpty();
    }

    @Test
    void enumRejectsAValueNotDeclaredListingTheAllowedOnes() {
        assertRejected(field("marital_status", FieldType.ENUM, "Single", "Married"), "Divorced",
                "marital_status must be one of Single, Married");
    }

    @ParameterizedTest(name = "{0} field: {1} is stored as {2}")
    @CsvSource({"EMAIL, Ada@Example.COM, ada@example.com", "PHONE, 08012345678, +2348012345678"})
    void emailFieldIsLowerCasedAndPhoneFieldIsStoredInE164(FieldType type, String raw, String canonical) {
        assertAccepted(type, raw, canonical);
    }

    @ParameterizedTest(name = "{1} field {0} rejects {2}")
    @CsvSource({"work_email, EMAIL, ada@@example, work_email is not a valid email address",
            "next_of_kin_phone, PHONE, 0801234, next_of_kin_phone is not a"})
    void emailAndPhoneFieldsRejectAnInvalidValueUnderTheirOwnName(String name, FieldType type, String raw,
            String reasonFragment) {
        assertRejected(field(name, type), raw, reasonFragment);
    }

    @Test
    void textIsStoredAsWritten() {
        assertAccepted(FieldType.TEXT, "Software engineer, Lagos \"Island\"", "Software engineer, Lagos \"Island\"");
    }

    @Test
    void acceptsAThousandCharactersAndRejectsMore() {
        assertAccepted(FieldType.TEXT, "x".repeat(1000), "x".repeat(1000));

        assertRejected(field("notes", FieldType.TEXT), "x".repeat(1001), "notes is longer than 1000 characters");
    }

    @ParameterizedTest
    @CsvSource({"PERSON, occupation is required for a Person", "COMPANY, occupation is required for a Company"})
    void anAbsentValueIsRequiredForTheAccountTypesTheDefinitionSays(AccountType accountType, String reason) {
        assertThat(rule.check(requiredFor(accountType), null, accountType, violations)).isNull();
        assertThat(violations).containsExactly(new Violation("occupation", reason));
    }

    @Test
    void anAbsentValueIsFineForAnotherAccountType() {
        assertThat(rule.check(requiredFor(AccountType.PERSON), null, AccountType.COMPANY, violations)).isNull();
        assertThat(violations).isEmpty();
    }

    @Test
    void anAbsentValueIsNotReportedWhenTheAccountTypeIsUnknown() {
        assertThat(rule.check(requiredFor(AccountType.PERSON), null, null, violations)).isNull();
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FieldType.class)
    void anAbsentOptionalValueOfAnyTypeIsNeitherStoredNorReported(FieldType type) {
        assertThat(check(field("optional", type, "A"), null)).isNull();
        assertThat(violations).isEmpty();
    }
}
