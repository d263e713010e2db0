package org.onboarding.rules;

import java.util.List;
import java.util.Locale;

import org.apache.commons.validator.routines.EmailValidator;

/** email (004): a valid address (Apache Commons Validator), stored lower-cased. */
final class EmailRule {

    public static final String FIELD = "email";
    private static final int MAX_LENGTH = 254;
    private final EmailValidator validator = EmailValidator.getInstance(false, false);

    public String check(String raw, List<Violation> violations) {
        return check(FIELD, raw, violations);
    }

    /** Checks any field holding an email address (a custom field of type email too). */
    public String check(String field, String raw, List<Violation> violations) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_LENGTH || !validator.isValid(raw)) {
            violations.add(new Violation(field, field + " is not a valid email address"));
            return null;
        }
        return raw.toLowerCase(Locale.ROOT);
    }
}
