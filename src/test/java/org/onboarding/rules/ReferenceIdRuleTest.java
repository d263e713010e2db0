package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The rule receives the cell as {@code FileHeader.cell} hands it over: already trimmed, null when
 * blank. Trimming of a padded referenceId is covered end to end in {@link CustomerValidatorTest}.
 */
class ReferenceIdRuleTest {

    private final ReferenceIdRule rule = new ReferenceIdRule();
    private final List<Violation> violations = new ArrayList<>();

    private String check(String raw) {
        return rule.check(raw, violations);
    }

    @Test
    void acceptsAReferenceId() {
        assertThat(check("CUST-0001")).isEqualTo("CUST-0001");
        assertThat(violations).isEmpty();
    }

    @Test
    void absentReferenceIdIsRequired() {
        assertThat(check(null)).isNull();
        assertThat(violations).containsExactly(new Violation("referenceId", "referenceId is required"));
    }

    @Test
    void acceptsSixtyFourCharacters() {
        String longest = "R".repeat(64);

        assertThat(check(longest)).isEqualTo(longest);
        assertThat(violations).isEmpty();
    }

    @Test
    void rejectsSixtyFiveCharactersSayingHowLongItIs() {
        assertThat(check("R".repeat(65))).isNull();
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("referenceId");
            assertThat(violation.reason()).contains("64").contains("(65)");
        });
    }
}
