package org.onboarding.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.feed.ColumnKey;

class ColumnKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"referenceId", "reference_id", "Reference ID", "REFERENCE-ID", " reference.id ",
            "ReferenceId"})
    void caseAndSeparatorsDoNotCount(String headerName) {
        assertThat(ColumnKey.of(headerName)).isEqualTo("referenceid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Date Of Birth", "date_of_birth", "DATE-OF-BIRTH", "dateOfBirth"})
    void multiWordNamesFoldToTheSameKey(String headerName) {
        assertThat(ColumnKey.of(headerName)).isEqualTo(ColumnKey.of("date_of_birth"));
    }

    @ParameterizedTest
    @CsvSource({"referenceId, reference", "id_type, id_number", "phone, phone2", "name, names"})
    void differentWordsStayDifferent(String one, String other) {
        assertThat(ColumnKey.of(one)).isNotEqualTo(ColumnKey.of(other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "_", " - "})
    void aNameOfOnlySeparatorsHasAnEmptyKey(String headerName) {
        assertThat(ColumnKey.of(headerName)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"État civil, étatcivil", "Número, número"})
    void keepsNonAsciiLetters(String headerName, String key) {
        assertThat(ColumnKey.of(headerName)).isEqualTo(key);
    }
}
