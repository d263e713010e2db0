package org.onboarding.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BvnRuleTest {

    private static final String SPREADSHEET_EXPLANATION = "scientific notation";

    private final CellCheck<String> bvn = new CellCheck<>("bvn", new BvnRule()::check);

    @Test
    void acceptsElevenDigits() {
        bvn.assertAccepted("22012345678", "22012345678");
    }

    @ParameterizedTest
    @CsvSource({"2201234567, 10", "220123456789, 12"})
    void rejectsTenOrTwelveDigitsSayingHowManyItHas(String raw, int digits) {
        bvn.assertRejected(raw).contains("exactly 11 digits").contains("it has " + digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.21E+10", "2,21E+10", "2.2012345678E10", "2.21e+10"})
    void rejectsSpreadsheetScientificNotationExplainingTheDigitsAreLost(String raw) {
        bvn.assertRejected(raw).contains(SPREADSHEET_EXPLANATION).contains("export the column as text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2201234567A", "BVN22012345", "220-123-456", "220 1234 5678",
            "\u0662\u0662\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668"})
    void rejectsAnythingButAsciiDigits(String raw) {
        bvn.assertRejected(raw).contains("exactly 11 digits (0-9)").doesNotContain(SPREADSHEET_EXPLANATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2201234567", "220123456789", "22012345678X", "BVN 22012345678", "22012345678.0",
            "2.2012345678E+10"})
    void reasonNeverRepeatsTheBvn(String raw) {
        bvn.check(raw);

        bvn.assertOnlyReason().doesNotContain(raw).doesNotContainPattern("[0-9]{5}");
    }
}
