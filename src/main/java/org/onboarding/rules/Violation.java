package org.onboarding.rules;

import org.onboarding.pii.PiiText;

/**
 * One broken rule of one row: the field it concerns (as the API names it) and why, worded for
 * the organisation's data team. A reason never repeats a full BVN, NIN or phone number.
 */
public record Violation(String field, String reason) {

    /**
     * A cell's value as a reason may quote it: at most 30 characters, identities masked and control
     * characters escaped, since a cell that is not what its column says may hold a BVN, phone or email.
     */
    public static String quote(String value) {
        return "'" + PiiText.text(value, 30) + "'";
    }
}
