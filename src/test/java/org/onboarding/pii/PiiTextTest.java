package org.onboarding.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Free text that may quote a file: identities masked by their look, control characters escaped, cut short. */
class PiiTextTest {

    @Test
    void masksEmailsBvnsAndPhonesWhereverTheyStandInFreeText() {
        String text = "row CUS-9: ada.obi@example.com, bvn 22145678901, phone +234 803 123 4567 or 0803-123-4567";

        assertThat(PiiText.text(text)).isEqualTo(
                "row CUS-9: a***@example.com, bvn 221******01, phone +23************67 or 080********67");
    }

    @Test
    void escapesControlCharactersSoATerminalCannotBeRetitledNorALogLineForged() {
        String header = "\u001b]0;PWNED\u0007\u001b[2J\u001b[31mname\r\n12:00:00 INFO forged\u202e";

        assertThat(PiiText.text(header))
                .isEqualTo("\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mname\\r\\n12:00:00 INFO forged\\u202e")
                .doesNotContain("\u001b").doesNotContain("\n");
    }

    @Test
    void cutsLongTextAndSaysHowLongItWas() {
        assertThat(PiiText.text("n".repeat(5_000_000))).hasSize(500 + "…(5,000,000 characters)".length())
                .endsWith("…(5,000,000 characters)");
    }

    @Test
    void leavesTheDigitsOfAUuidAlone() {
        assertThat(PiiText.text("no webhook event 0904216c-fb1d-486e-a2f0-840a668b77d9; bvn 22145678901"))
                .isEqualTo("no webhook event 0904216c-fb1d-486e-a2f0-840a668b77d9; bvn 221******01");
    }

    @Test
    void leavesOrdinaryTextAndDatesAlone() {
        assertThat(PiiText.text("date_of_birth must be a date written yyyy-MM-dd, not '1990-13-45'"))
                .isEqualTo("date_of_birth must be a date written yyyy-MM-dd, not '1990-13-45'");
    }

    @Test
    void aLineNumberOfALargeFileIsWrittenSoThatItStaysReadableWhileAnIdentityBesideItIsMasked() {
        assertThat(PiiText.text(PiiText.line(4_520_988) + " carries BVN 22145678901"))
                .isEqualTo("line 4,520,988 carries BVN 221******01");
        assertThat(PiiText.line(7)).isEqualTo("line 7");
    }
}
