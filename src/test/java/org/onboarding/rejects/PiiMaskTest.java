package org.onboarding.rejects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onboarding.file.FileHeader;
import org.onboarding.pii.PiiText;
import org.onboarding.rules.Violation;

class PiiMaskTest {

    private final PiiMask mask = new PiiMask(FileHeader.resolve(Path.of("f.csv"),
            new String[] {"referenceId", "name", "accountTypeId", "bvn", "phone", "id_type", "id_number", "email"},
            List.of()));

    @Test
    void masksBvnPhoneAndEveryIdNumberOfARowThatLinesUpWithItsHeader() {
        String[] row = {"CUS-1", "Ada Obi", "1", "22145678901", "08031234567", "nin", "70123456789", "a@b.ng"};

        assertThat(mask.maskRow(row)).containsExactly("CUS-1", "Ada Obi", "1", "221******01", "080******67", "nin",
                "701******89", "a***@b.ng");
        assertThat(row[3]).as("the row itself is left alone").isEqualTo("22145678901");
    }

    @Test
    void masksEveryLongRunOfDigitsWhereAStrayCommaShiftedTheCells() {
        String[] shifted = {"CUS-1", "Obi", " Ada", "1", "22145678901", "08031234567", "nin", "70123456789", "a@b.ng"};

        assertThat(String.join(",", mask.maskRow(shifted)))
                .isEqualTo("CUS-1,Obi, Ada,1,221******01,080******67,nin,701******89,a***@b.ng");
    }

    @Test
    void masksByWhatAValueLooksLikeWhenABvnStandsInTheEmailColumn() {
        String[] row = {"CUS-1", "Ada Obi", "1", "", "", "", "", "22145678901"};

        assertThat(mask.maskRow(row)[7]).isEqualTo("221******01");
        assertThat(mask.maskRow(new String[] {"CUS-1", "ada@example.com", "1", "", "", "", "", ""})[1])
                .isEqualTo("a***@example.com");
    }

    @ParameterizedTest
    @CsvSource({"22145678901,221******01", "1234567,123**67", "123456,******", "12,**"})
    void keepsTheFirstThreeAndLastTwoCharacters(String value, String masked) {
        assertThat(PiiText.mask(value)).isEqualTo(masked);
    }

    @Test
    void aReasonQuotesACellWithoutItsIdentityNumbers() {
        assertThat(Violation.quote("22145678901")).isEqualTo("'221******01'");
        assertThat(Violation.quote("31/02/1990")).isEqualTo("'31/02/1990'");
        assertThat(Violation.quote("x".repeat(40))).isEqualTo("'" + "x".repeat(30) + "…(40 characters)'");
    }
}
