package org.onboarding.rules;

/**
 * One broken rule of one row: the field it concerns (as the API names it) and why, worded for
 * the organisation's data team. A reason never repeats a full BVN, NIN or phone number.
 */
public record Violation(String field, String reason) {
}
