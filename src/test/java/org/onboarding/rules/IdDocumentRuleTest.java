package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onboarding.rules.IdDocumentRule.IdDocument;

class IdDocumentRuleTest {

    private static final String NIN = "12345678901";

    private final IdDocumentRule rule = new IdDocumentRule();
    private final List<Violation> violations = new ArrayList<>();

    private IdDocument check(String type, String number) {
        return rule.check(type, number, violations);
    }

    private List<String> violatedFields() {
        return violations.stream().map(Violation::field).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "international_passport, international_passport",
            "nin, nin",
            "NIN, nin",
            "Nin, nin",
            "voter_card, voter_card",
            "Driver_License, driver_license"})
    void acceptsTheFourIdTypesCaseInsensitivelyAsTheirLowerCaseName(String type, String canonical) {
        assertThat(check(type, NIN)).isEqualTo(new IdDocument(canonical, NIN));
        assertThat(violations).isEmpty();
    }

    @Test
    void noDocumentAtAllIsFine() {
        assertThat(check(null, null)).isNull();
        assertThat(violations).isEmpty();
    }

    @Test
    void idTypeRequiresAnIdNumber() {
        assertThat(check("nin", null)).isNull();
        assertThat(violatedFields()).containsExactly("id_number");
        assertThat(violations.get(0).reason()).contains("required when id_type is given");
    }

    @Test
    void idNumberRequiresAnIdType() {
        assertThat(check(null, NIN)).isNull();
        assertThat(violatedFields()).containsExactly("id_type");
        assertThat(violations.get(0).reason()).contains("required when id_number is given");
    }

    @Test
    void rejectsAnUnknownIdTypeWithoutRepeatingTheNumber() {
        assertThat(check("passport", NIN)).isNull();
        assertThat(violatedFields()).containsExactly("id_type");
        assertThat(violations.get(0).reason())
                .contains("international_passport, nin, voter_card, driver_license")
                .doesNotContain(NIN);
    }

    @Test
    void reportsAnUnknownIdTypeAndAMissingNumberTogether() {
        assertThat(check("bvn", null)).isNull();
        assertThat(violatedFields()).containsExactlyInAnyOrder("id_type", "id_number");
    }

    @Test
    void acceptsAnIdNumberOfSixtyFourCharactersAndRejectsSixtyFive() {
        assertThat(check("international_passport", "A".repeat(64))).isNotNull();
        assertThat(violations).isEmpty();

        assertThat(check("international_passport", "A".repeat(65))).isNull();
        assertThat(violatedFields()).containsExactly("id_number");
    }
}
