package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BvnRuleTest {

    private static final String SPREADSHEET_EXPLANATION = "scientific notation";

    private final BvnRule rule = new BvnRule();
    private final List<Violation> violations = new ArrayList<>();

    private String check(String raw) {
        return rule.check(raw, violations);
    }

    private String onlyReason() {
        assertThat(violations).singleElement().extracting(Violation::field).isEqualTo("bvn");
        return violations.get(0).reason();
    }

    @Test
    void acceptsElevenDigits() {
        assertThat(check("22012345678")).isEqualTo("22012345678");
        assertThat(violations).isEmpty();
    }

    @Test
    void absentBvnIsNotThisRulesViolation() {
        assertThat(check(null)).isNull();
        assertThat(violations).isEmpty();
    }

    @Test
    void rejectsTenDigitsSayingItHasTen() {
        assertThat(check("2201234567")).isNull();
        assertThat(onlyReason()).contains("exactly 11 digits").contains("it has 10");
    }

    @Test
    void rejectsTwelveDigitsSayingItHasTwelve() {
        assertThat(check("220123456789")).isNull();
        assertThat(onlyReason()).contains("it has 12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.21E+10", "2,21E+10", "2.2012345678E10", "2.21e+10"})
    void rejectsSpreadsheetScientificNotationExplainingTheDigitsAreLost(String raw) {
        assertThat(check(raw)).isNull();
        assertThat(onlyReason()).contains(SPREADSHEET_EXPLANATION).contains("export the column as text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2201234567A", "BVN22012345", "220-123-456", "220 1234 5678",
            "\u0662\u0662\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668"})
    void rejectsAnythingButAsciiDigits(String raw) {
        assertThat(check(raw)).isNull();
        assertThat(onlyReason()).contains("exactly 11 digits (0-9)").doesNotContain(SPREADSHEET_EXPLANATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2201234567", "220123456789", "22012345678X", "BVN 22012345678", "22012345678.0",
            "2.2012345678E+10"})
    void reasonNeverRepeatsTheBvn(String raw) {
        check(raw);

        assertThat(onlyReason()).doesNotContain(raw).doesNotContainPattern("[0-9]{5}");
    }
}
