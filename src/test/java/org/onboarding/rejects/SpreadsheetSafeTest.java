package org.onboarding.rejects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.pii.SpreadsheetSafe;

/** Which report cells a spreadsheet would read as a formula, and so get an apostrophe first. */
class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+2348031234567", "-1", "@SUM(A1)", "\tx", "\rx",
        " =HYPERLINK(\"x\")", "   +1", "\u00A0=1", "\u2007@x", "\u202F-1", "\u3000=1", "\u0085=1", "\t =1",
        "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", " \uFF1D1", "\u00A0\uFF20x", "\uFEFF=1"})
    void aCellThatWouldStartAFormulaIsPrefixedWithAnApostrophe(String cell) {
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ngozi Eze", "CUS-1", "a=b", " Ngozi", "\u00A0Eze", "x@example.com", "221******78", "   "})
    void anyOtherCellIsLeftAsItIs(String cell) {
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo(cell);
    }
}
