package org.onboarding.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRuleTest {

    private final PhoneRule rule = new PhoneRule();
    private final CellCheck<String> phone = new CellCheck<>("phone", rule::check);

    @ParameterizedTest
    @ValueSource(strings = {"08012345678", "+2348012345678", "0801 234 5678", "+234 801 234 5678"})
    void storesANigerianNumberInE164(String raw) {
        phone.assertAccepted(raw, "+2348012345678");
    }

    @Test
    void keepsAForeignNumberWithItsCountryCode() {
        phone.assertAccepted("+44 20 7946 0958", "+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0801234", "not a phone", "080123456789012", "+2340000000000"})
    void rejectsWhatIsNotAValidPhoneNumber(String raw) {
        phone.assertRejected(raw).startsWith("phone is not a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0801234", "080123456789012", "+2340000000000", "0801234567x"})
    void reasonNeverRepeatsTheNumber(String raw) {
        phone.check(raw);

        phone.assertOnlyReason().doesNotContain(raw).doesNotContainPattern("[0-9]{4}");
    }

    @Test
    void namesTheCustomFieldItChecks() {
        CellCheck<String> nextOfKinPhone = new CellCheck<>("next_of_kin_phone",
                (raw, found) -> rule.check("next_of_kin_phone", raw, found));

        nextOfKinPhone.assertRejected("not a phone");
    }
}
