package org.onboarding.rules;

import java.util.List;
import java.util.Locale;

/** A yes-or-no cell: true, yes, y, 1 or false, no, n, 0, whatever their case; stored as true or false. */
final class BooleanCell {

    private BooleanCell() {
    }

    /** "true" or "false", or null after recording why the cell is neither. */
    static String check(String field, String raw, List<Violation> violations) {
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1":
                return "true";
            case "false", "no", "n", "0":
                return "false";
            default:
                violations.add(new Violation(field, field + " must be true or false, not " + Violation.quote(raw)));
                return null;
        }
    }
}
