package org.onboarding.rules;

import java.util.List;

/** referenceId (000): required, trimmed, at most 64 characters; the key customers are upserted by. */
final class ReferenceIdRule {

    public static final String FIELD = "referenceId";
    static final int MAX_LENGTH = 64;

    /** The trimmed referenceId, or null after recording why it cannot be used. */
    public String check(String raw, List<Violation> violations) {
        if (raw == null) {
            violations.add(new Violation(FIELD, "referenceId is required"));
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            violations.add(new Violation(FIELD, "referenceId is longer than " + MAX_LENGTH + " characters ("
                    + raw.length() + ")"));
            return null;
        }
        return raw;
    }
}
