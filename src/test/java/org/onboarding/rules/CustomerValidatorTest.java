package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onboarding.feed.AccountType;
import org.onboarding.feed.Feed;
import org.onboarding.feed.FieldDefinition;
import org.onboarding.feed.FieldType;
import org.onboarding.feed.IdentityField;
import org.onboarding.feed.Organization;
import org.onboarding.file.CustomerRecord;
import org.onboarding.file.FileHeader;

class CustomerValidatorTest {

    private static final long LINE = 7;
    private static final String[] HEADER = {"referenceId", "name", "accountTypeId", "bvn", "email", "phone", "id_type",
            "id_number", "third_party_identifier", "Date Of Birth", "Occupation"};

    private final FieldDefinition dateOfBirth = new FieldDefinition(UUID.randomUUID(), "date_of_birth", FieldType.DATE,
            Set.of(), List.of());
    private final FieldDefinition occupation = new FieldDefinition(UUID.randomUUID(), "occupation", FieldType.TEXT,
            Set.of(AccountType.PERSON), List.of());
    private final Feed feed = new Feed("test", new Organization(UUID.randomUUID(), "Test Bank"), null, null,
            Map.of(AccountType.PERSON, Set.of(IdentityField.BVN), AccountType.COMPANY, Set.of(IdentityField.BVN)),
            null, null, null, null, null, null, null, null, null, null);
    private final CustomerValidator validator = new CustomerValidator(feed,
            FileHeader.resolve(Path.of("f.csv"), HEADER, List.of(dateOfBirth, occupation)));

    private ValidatedRow validate(String... cells) {
        return validator.process(new CustomerRecord(LINE, cells));
    }

    /** A valid Person row in header order. */
    private static String[] validRow() {
        return new String[] {"C-001", "Ada Obi", "1", "22012345678", "ada@example.com", "08012345678", "nin",
                "12345678901", "tp-1", "1990-02-28", "Engineer"};
    }

    /** A valid row with the cell at {@code index} replaced. */
    private static String[] validRowWith(int index, String value) {
        String[] row = validRow();
        row[index] = value;
        return row;
    }

    private static List<String> violatedFields(ValidatedRow row) {
        return row.violations().stream().map(Violation::field).toList();
    }

    @Test
    void aValidRowBecomesACustomerInCanonicalForm() {
        ValidatedRow row = validate("  C-001 ", "\uFF2A\uFF4F\uFF48\uFF4E \u00A0 Smith", " 1 ", "22012345678",
                "Ada@Example.COM", "08012345678", "NIN", "12345678901", "tp-1", "1990-02-28", "Engineer");

        assertThat(row.violations()).isEmpty();
        assertThat(row.isValid()).isTrue();
        assertThat(row.line()).isEqualTo(LINE);
        assertThat(row.referenceId()).isEqualTo("C-001");
        assertThat(row.customer()).isEqualTo(new ValidCustomer("C-001", "John Smith", AccountType.PERSON,
                "22012345678", "ada@example.com", "+2348012345678", "nin", "12345678901", "tp-1",
                Map.of(dateOfBirth.id(), "1990-02-28", occupation.id(), "Engineer")));
    }

    @Test
    void aReferenceIdPaddedWithSpacesIsMeasuredAfterTrimming() {
        String longest = "R".repeat(64);

        ValidatedRow row = validate(validRowWith(0, "   " + longest + "\t"));

        assertThat(row.violations()).isEmpty();
        assertThat(row.customer().referenceId()).isEqualTo(longest);
    }

    @Test
    void reportsEveryViolationOfARowTogether() {
        String[] cells = validRowWith(3, "220123456");
        cells[4] = "ada@@example";

        ValidatedRow row = validate(cells);

        assertThat(row.isValid()).isFalse();
        assertThat(row.customer()).isNull();
        assertThat(row.referenceId()).isEqualTo("C-001");
        assertThat(violatedFields(row)).containsExactlyInAnyOrder("bvn", "email");
        assertThat(row.violations()).extracting(Violation::reason)
                .anySatisfy(reason -> assertThat(reason).contains("it has 9"))
                .anySatisfy(reason -> assertThat(reason).contains("not a valid email address"));
    }

    @Test
    void rejectsARowWithMoreCellsThanTheHeader() {
        String[] tooMany = Arrays.copyOf(validRow(), HEADER.length + 1);
        tooMany[HEADER.length] = "surplus";

        ValidatedRow row = validate(tooMany);

        assertThat(row.isValid()).isFalse();
        assertThat(row.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("row");
            assertThat(violation.reason()).contains("12 cells").contains("header has 11");
        });
    }

    @Test
    void missingTrailingCellsAreTreatedAsEmpty() {
        ValidatedRow row = validate("C-002", "Acme Ltd", "2", "22012345678");

        assertThat(row.violations()).isEmpty();
        assertThat(row.customer()).isEqualTo(new ValidCustomer("C-002", "Acme Ltd", AccountType.COMPANY,
                "22012345678", null, null, null, null, null, Map.of()));
    }

    @Test
    void aMissingTrailingRequiredCustomFieldIsReported() {
        ValidatedRow row = validate("C-003", "Ada Obi", "1", "22012345678");

        assertThat(violatedFields(row)).containsExactly("occupation");
    }

    @Test
    void appliesTheFeedsRequiredIdentity() {
        ValidatedRow row = validate(validRowWith(3, "  "));

        assertThat(row.violations()).containsExactly(new Violation("bvn", "bvn is required for a Person"));
    }

    @Test
    void aBlankReferenceIdIsRequired() {
        ValidatedRow row = validate(validRowWith(0, "   "));

        assertThat(row.referenceId()).isNull();
        assertThat(violatedFields(row)).containsExactly("referenceId");
    }

    @Test
    void anInvalidCustomFieldRejectsTheRow() {
        ValidatedRow row = validate(validRowWith(9, "31/02/1990"));

        assertThat(violatedFields(row)).containsExactly("date_of_birth");
    }

    @Test
    void anInvalidAccountTypeSkipsTheRulesThatDependOnIt() {
        ValidatedRow row = validate("C-004", "Ada Obi", "person");

        assertThat(violatedFields(row)).containsExactly("accountTypeId");
    }

    @Test
    void rejectsAThirdPartyIdentifierLongerThan128Characters() {
        assertThat(validate(validRowWith(8, "t".repeat(128))).violations()).isEmpty();
        assertThat(violatedFields(validate(validRowWith(8, "t".repeat(129)))))
                .containsExactly("third_party_identifier");
    }
}
