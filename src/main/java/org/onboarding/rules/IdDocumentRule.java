package org.onboarding.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * id_type and id_number (004): id_type is one of international_passport, nin, voter_card,
 * driver_license, and each of the two requires the other.
 */
final class IdDocumentRule {

    public static final String ID_TYPE = "id_type";
    public static final String ID_NUMBER = "id_number";
    public static final Set<String> ID_TYPES = Set.of("international_passport", "nin", "voter_card", "driver_license");
    private static final int MAX_NUMBER_LENGTH = 64;

    /** The checked document, or null when there is none or it is invalid. */
    public IdDocument check(String rawType, String rawNumber, List<Violation> violations) {
        if (rawType == null && rawNumber == null) {
            return null;
        }
        int before = violations.size();
        String type = rawType == null ? null : rawType.toLowerCase(Locale.ROOT);
        if (type == null) {
            violations.add(new Violation(ID_TYPE, "id_type is required when id_number is given"));
        } else if (!ID_TYPES.contains(type)) {
            violations.add(new Violation(ID_TYPE, "id_type must be one of international_passport, nin, voter_card,"
                    + " driver_license"));
        }
        if (rawNumber == null) {
            violations.add(new Violation(ID_NUMBER, "id_number is required when id_type is given"));
        } else if (rawNumber.length() > MAX_NUMBER_LENGTH) {
            violations.add(new Violation(ID_NUMBER, "id_number is longer than " + MAX_NUMBER_LENGTH + " characters"));
        }
        return violations.size() == before ? new IdDocument(type, rawNumber) : null;
    }

    /** A checked identity document. */
    public record IdDocument(String type, String number) {
    }
}
