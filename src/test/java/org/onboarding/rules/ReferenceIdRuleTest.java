package org.onboarding.rules;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule receives the cell as {@code FileHeader.cell} hands it over: already trimmed, null when
 * blank. Trimming of a padded referenceId is covered end to end in {@link CustomerValidatorTest}.
 */
class ReferenceIdRuleTest {

    private final CellCheck<String> referenceId = new CellCheck<>("referenceId", new ReferenceIdRule()::check);

    static Stream<String> upToSixtyFourCharacters() {
        return Stream.of("CUST-0001", "R".repeat(64));
    }

    @ParameterizedTest
    @MethodSource("upToSixtyFourCharacters")
    void acceptsAReferenceIdOfUpToSixtyFourCharacters(String raw) {
        referenceId.assertAccepted(raw, raw);
    }

    @Test
    void absentReferenceIdIsRequired() {
        referenceId.assertRejected(null, "referenceId is required");
    }

    @Test
    void rejectsSixtyFiveCharactersSayingHowLongItIs() {
        referenceId.assertRejected("R".repeat(65)).contains("64").contains("(65)");
    }
}
