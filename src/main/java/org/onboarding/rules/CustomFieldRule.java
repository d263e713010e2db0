package org.onboarding.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.onboarding.feed.AccountType;
import org.onboarding.feed.FieldDefinition;

/**
 * A customer field (000's flat custom fields): its value checked against the definition's type
 * and stored in one canonical form, and required where the definition requires it for the row's
 * account type.
 */
final class CustomFieldRule {

    private static final int MAX_LENGTH = 1000;
    private static final int MAX_NUMBER_DIGITS = 100;
    private final EmailRule emailRule;
    private final PhoneRule phoneRule;

    public CustomFieldRule(EmailRule emailRule, PhoneRule phoneRule) {
        this.emailRule = emailRule;
        this.phoneRule = phoneRule;
    }

    /** The canonical value, or null when absent or invalid. */
    public String check(FieldDefinition definition, String raw, AccountType accountType, List<Violation> violations) {
        String field = definition.name();
        if (raw == null) {
            if (accountType != null && definition.requiredFor(accountType)) {
                violations.add(new Violation(field, field + " is required for a "
                        + accountType.label()));
            }
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            violations.add(new Violation(field, field + " is longer than " + MAX_LENGTH + " characters"));
            return null;
        }
        return switch (definition.type()) {
            case TEXT -> raw;
            case NUMBER -> number(field, raw, violations);
            case DATE -> date(field, raw, violations);
            case BOOLEAN -> BooleanCell.check(field, raw, violations);
            case EMAIL -> emailRule.check(field, raw, violations);
            case PHONE -> phoneRule.check(field, raw, violations);
            case ENUM -> oneOf(definition, raw, violations);
        };
    }

    private static String number(String field, String raw, List<Violation> violations) {
        BigDecimal number;
        try {
            number = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, field + " must be a number, not " + Violation.quote(raw)));
            return null;
        }
        // Checked before writing the number out: a short exponent such as 1E999999999 would
        // otherwise expand into a billion digits.
        if (number.precision() - number.scale() > MAX_NUMBER_DIGITS || number.scale() > MAX_NUMBER_DIGITS) {
            violations.add(new Violation(field, field + " must have at most " + MAX_NUMBER_DIGITS
                    + " digits before and after the decimal point"));
            return null;
        }
        return number.toPlainString();
    }

    private static String date(String field, String raw, List<Violation> violations) {
        try {
            return LocalDate.parse(raw).toString();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, field + " must be a date written yyyy-MM-dd, not "
                    + Violation.quote(raw)));
            return null;
        }
    }

    private static String oneOf(FieldDefinition definition, String raw, List<Violation> violations) {
        for (String allowed : definition.values()) {
            if (allowed.equalsIgnoreCase(raw)) {
                return allowed;
            }
        }
        violations.add(new Violation(definition.name(), definition.name() + " must be one of "
                + String.join(", ", definition.values())));
        return null;
    }
}
