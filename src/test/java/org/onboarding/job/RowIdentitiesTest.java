package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onboarding.rules.PhoneRule;

/** The writers' plan must read every valid number as the phone rule stores it, or a split could miss a duplicate. */
class RowIdentitiesTest {

    private final PhoneRule phoneRule = new PhoneRule();

    @ParameterizedTest
    @ValueSource(strings = {"08031234567", "+2348031234567", "0803 123 4567", "+234 803 123 4567", "2348031234567",
            "(0803) 123-4567", "07011234608", "09121234610", "+447911123456"})
    void readsAValidPhoneExactlyAsThePhoneRuleStoresIt(String raw) {
        String stored = phoneRule.check(raw, new ArrayList<>());

        assertThat(stored).isNotNull();
        assertThat(new RowIdentities(null).phone(raw)).isEqualTo(stored);
    }
}
