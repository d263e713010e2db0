package org.onboarding.rules;

import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * phone (004): parsed with libphonenumber, Nigeria as the region of numbers written without a
 * country code, stored in E.164 (+234…). A number that is not valid for its region is rejected.
 * <p>
 * A Nigerian number in one of its two usual spellings ({@code 0} or {@code +234}, then ten digits,
 * the first not 0) skips libphonenumber's parse, six of the seven microseconds a number cost: the
 * number is built from its digits and libphonenumber only validates it. That is exactly what the
 * parse gives for such a number when it is valid (the parse strips the national prefix 0 whenever
 * the rest is a possible Nigerian number, as a valid one is); any other, valid or not, goes through
 * the parse as before.
 */
public final class PhoneRule {

    public static final String FIELD = "phone";
    static final String DEFAULT_REGION = "NG";
    private static final int NIGERIA = 234;
    private static final String NIGERIA_PREFIX = "+234";
    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    public String check(String raw, List<Violation> violations) {
        return check(FIELD, raw, violations);
    }

    /** Checks any field holding a phone number (a custom field of type phone too). */
    public String check(String field, String raw, List<Violation> violations) {
        if (raw == null) {
            return null;
        }
        String usual = usualNigerianSpelling(raw);
        if (usual != null && phoneNumbers.isValidNumber(new PhoneNumber().setCountryCode(NIGERIA)
                .setNationalNumber(Long.parseLong(usual, NIGERIA_PREFIX.length(), usual.length(), 10)))) {
            return usual;
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

    /**
     * The number in E.164 when it is written in one of the two usual Nigerian spellings
     * ({@code 08031234567}, {@code +2348031234567}), whether or not it is valid; otherwise null.
     */
    public static String usualNigerianSpelling(String raw) {
        if (raw.length() == 11 && raw.charAt(0) == '0' && tenDigits(raw, 1)) {
            return NIGERIA_PREFIX + raw.substring(1);
        }
        if (raw.length() == 14 && raw.startsWith(NIGERIA_PREFIX) && tenDigits(raw, 4)) {
            return raw;
        }
        return null;
    }

    /** Ten ASCII digits from {@code from} to the end, the first not 0. */
    private static boolean tenDigits(String raw, int from) {
        if (raw.charAt(from) == '0') {
            return false;
        }
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
