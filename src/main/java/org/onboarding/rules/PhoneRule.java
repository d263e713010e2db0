package org.onboarding.rules;

import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * phone (004): parsed with libphonenumber, Nigeria as the region of numbers written without a
 * country code, stored in E.164 (+234…). A number that is not valid for its region is rejected.
 */
public final class PhoneRule {

    public static final String FIELD = "phone";
    static final String DEFAULT_REGION = "NG";
    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    public String check(String raw, List<Violation> violations) {
        return check(FIELD, raw, violations);
    }

    /** Checks any field holding a phone number (a custom field of type phone too). */
    public String check(String field, String raw, List<Violation> violations) {
        if (raw == null) {
            return null;
        }
        try {
            PhoneNumber number = phoneNumbers.parse(raw, DEFAULT_REGION);
            if (phoneNumbers.isValidNumber(number)) {
                return phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
            violations.add(new Violation(field, field + " is not a valid phone number for its country"));
        } catch (NumberParseException e) {
            violations.add(new Violation(field, field + " is not a phone number"));
        }
        return null;
    }
}
