package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRuleTest {

    private final PhoneRule rule = new PhoneRule();
    private final List<Violation> violations = new ArrayList<>();

    private String check(String raw) {
        return rule.check(raw, violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08012345678", "+2348012345678", "0801 234 5678", "+234 801 234 5678"})
    void storesANigerianNumberInE164(String raw) {
        assertThat(check(raw)).isEqualTo("+2348012345678");
        assertThat(violations).isEmpty();
    }

    @Test
    void keepsAForeignNumberWithItsCountryCode() {
        assertThat(check("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(violations).isEmpty();
    }

    @Test
    void absentPhoneIsNotThisRulesViolation() {
        assertThat(check(null)).isNull();
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0801234", "not a phone", "080123456789012", "+2340000000000"})
    void rejectsWhatIsNotAValidPhoneNumber(String raw) {
        assertThat(check(raw)).isNull();
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("phone");
            assertThat(violation.reason()).startsWith("phone is not a");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0801234", "080123456789012", "+2340000000000", "0801234567x"})
    void reasonNeverRepeatsTheNumber(String raw) {
        check(raw);

        assertThat(violations).singleElement().extracting(Violation::reason, STRING)
                .doesNotContain(raw).doesNotContainPattern("[0-9]{4}");
    }

    @Test
    void namesTheCustomFieldItChecks() {
        assertThat(rule.check("next_of_kin_phone", "not a phone", violations)).isNull();
        assertThat(violations).singleElement().extracting(Violation::field).isEqualTo("next_of_kin_phone");
    }
}
