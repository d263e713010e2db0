package org.onboarding.wallets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NubanTest {

    /**
     * The CBN's worked example: bank code 011, serial 000001457 → 0000014579
     * (0×3 + 1×7 + 1×3 + 0×3 + 0×7 + 0×3 + 0×3 + 0×7 + 1×3 + 4×3 + 5×7 + 7×3 = 81; 10 − 1 = 9).
     */
    @Test
    void computesTheCheckDigitOfTheCbnsWorkedExample() {
        assertThat(Nuban.of("011", 1457)).isEqualTo("0000014579");
    }

    @ParameterizedTest
    @CsvSource({"058,123456789", "044,987654321", "090267,000000001", "999,0"})
    void aThreeDigitCodeAndItsSixDigitPaddingGiveTheSameDigitAndEveryNumberValidates(String code, long serial) {
        String account = Nuban.of(code, serial);

        assertThat(account).hasSize(10).startsWith(String.format("%09d", serial));
        assertThat(Nuban.isValid(code, account)).isTrue();
        if (code.length() == 3) {
            assertThat(Nuban.of("000" + code, serial)).isEqualTo(account);
        }
    }

    @Test
    void aWrongCheckDigitOrAnotherBanksCodeDoesNotValidate() {
        String account = Nuban.of("058", 123456789);
        char wrong = (char) ('0' + (account.charAt(9) - '0' + 1) % 10);

        assertThat(Nuban.isValid("058", account.substring(0, 9) + wrong)).isFalse();
        assertThat(Nuban.isValid("058", "12345")).isFalse();
    }

    @Test
    void refusesASerialOfMoreThanNineDigitsAndABankCodeOfAnotherLength() {
        assertThatThrownBy(() -> Nuban.of("058", 1_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nuban.of("58", 1)).hasMessageContaining("three or six digits");
    }
}
