package org.onboarding.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * bvn (004): exactly 11 ASCII digits after trimming. A value a spreadsheet turned into a number
 * (2.21E+10) has lost its digits: it is rejected with that explanation, never repaired.
 */
public final class BvnRule {

    public static final String FIELD = "bvn";
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("[0-9]{11}");
    private static final Pattern SPREADSHEET_NUMBER = Pattern.compile("[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+");

    /** The BVN, or null when absent (whether it is required is another rule) or invalid. */
    public String check(String raw, List<Violation> violations) {
        if (raw == null) {
            return null;
        }
        if (ELEVEN_DIGITS.matcher(raw).matches()) {
            return raw;
        }
        if (SPREADSHEET_NUMBER.matcher(raw).matches()) {
            violations.add(new Violation(FIELD, "bvn is in a spreadsheet's scientific notation, so its digits are lost;"
                    + " export the column as text"));
        } else if (raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            violations.add(new Violation(FIELD, "bvn must be exactly 11 digits, it has " + raw.length()));
        } else {
            violations.add(new Violation(FIELD, "bvn must be exactly 11 digits (0-9) and nothing else"));
        }
        return null;
    }
}
