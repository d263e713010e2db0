package org.onboarding.rules;

import org.onboarding.rejects.PiiMask;

/**
 * One broken rule of one row: the field it concerns (as the API names it) and why, worded for
 * the organisation's data team. A reason never repeats a full BVN, NIN or phone number.
 */
public record Violation(String field, String reason) {

    /**
     * A cell's value as a reason may quote it: at most 30 characters, and no run of seven digits
     * or more in clear, since a cell that is not what its column says may hold a BVN or phone.
     */
    public static String quote(String value) {
        String shown = value.length() <= 30 ? value : value.substring(0, 30) + "…";
        return "'" + PiiMask.maskDigitRuns(shown) + "'";
    }
}
