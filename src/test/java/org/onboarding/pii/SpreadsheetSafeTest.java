package org.onboarding.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells written to a CSV report cannot start a spreadsheet formula. */
class SpreadsheetSafeTest {

    @ParameterizedTest
    @CsvSource(value = {"=1+2|'=1+2", "+2348031234567|'+2348031234567", "-5|'-5", "@SUM(A1)|'@SUM(A1)", "Ada|Ada"},
            delimiter = '|', quoteCharacter = '"')
    void aCellThatCouldStartAFormulaIsPrefixedWithAnApostrophe(String cell, String safe) {
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo(safe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=1", "\r=1"})
    void soIsACellStartingWithATabOrACarriageReturn(String cell) {
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo("'" + cell);
    }
}
