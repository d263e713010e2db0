package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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

    @Test
    void theUsualSpellingsShortcutStoresExactlyWhatLibphonenumbersParseStores() {
        PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
        Random random = new Random(20261201);
        List<String> differences = new ArrayList<>();
        int valid = 0;
        // Every three-digit start a Nigerian number can have, valid or not, in both usual spellings.
        for (int start = 100; start <= 999; start++) {
            for (int sample = 0; sample < 40; sample++) {
                String digits = start + String.format("%07d", random.nextInt(10_000_000));
                for (String raw : List.of("0" + digits, "+234" + digits)) {
                    String parsed = parsedByLibphonenumber(phoneNumbers, raw);
                    String stored = rule.check(raw, new ArrayList<>());
                    valid += parsed == null ? 0 : 1;
                    if (!String.valueOf(parsed).equals(String.valueOf(stored))) {
                        differences.add(raw + ": " + parsed + " by the parse, " + stored + " by the rule");
                    }
                }
            }
        }

        assertThat(differences).isEmpty();
        assertThat(valid).as("numbers of both kinds were tried").isBetween(1_000, 71_000);
    }

    private static String parsedByLibphonenumber(PhoneNumberUtil phoneNumbers, String raw) {
        try {
            PhoneNumber number = phoneNumbers.parse(raw, "NG");
            return phoneNumbers.isValidNumber(number)
                    ? phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
