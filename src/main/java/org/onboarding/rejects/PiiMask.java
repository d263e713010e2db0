package org.onboarding.rejects;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.onboarding.feed.FieldType;
import org.onboarding.file.CustomColumn;
import org.onboarding.file.FileHeader;
import org.onboarding.file.StandardColumn;

/**
 * Masks the identity numbers of a row before it is logged, stored as a reject or reported: BVN,
 * identity document numbers (NIN and the others) and phone numbers keep their first three and
 * last two characters only, as in {@code 221******78}. A row whose cells do not line up with the
 * header (a stray comma) may hold them anywhere: every run of seven digits or more is masked.
 */
public final class PiiMask {

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{7,}");

    private final Set<Integer> maskedColumns = new HashSet<>();
    private final int columns;
    private final int connectsColumn;

    public PiiMask(FileHeader header) {
        columns = header.names().size();
        connectsColumn = header.indexOf(StandardColumn.CONNECTS);
        for (StandardColumn column : List.of(StandardColumn.BVN, StandardColumn.PHONE, StandardColumn.ID_NUMBER)) {
            if (header.has(column)) {
                maskedColumns.add(header.indexOf(column));
            }
        }
        for (CustomColumn column : header.customColumns()) {
            if (column.definition().type() == FieldType.PHONE) {
                maskedColumns.add(column.index());
            }
        }
    }

    /** A copy of the row's cells with the identity numbers masked. */
    public String[] maskRow(String[] cells) {
        String[] masked = cells.clone();
        if (cells.length != columns) {
            for (int index = 0; index < masked.length; index++) {
                masked[index] = maskDigitRuns(masked[index]);
            }
            return masked;
        }
        // A connects cell may hold anything where a referenceId belongs, a BVN or phone number too.
        if (connectsColumn >= 0 && connectsColumn < masked.length) {
            masked[connectsColumn] = maskDigitRuns(masked[connectsColumn]);
        }
        for (int index : maskedColumns) {
            if (index < masked.length) {
                masked[index] = mask(masked[index]);
            }
        }
        return masked;
    }

    /** Free text with every run of seven digits or more masked: what may be a BVN, NIN or phone number. */
    public static String maskDigitRuns(String text) {
        return text == null ? null : DIGIT_RUN.matcher(text).replaceAll(run -> mask(run.group()));
    }

    /** {@code 22112345678} becomes {@code 221******78}; a value of six characters or fewer is masked whole. */
    public static String mask(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String trimmed = value.strip();
        if (trimmed.length() <= 6) {
            return "*".repeat(trimmed.length());
        }
        return trimmed.substring(0, 3) + "*".repeat(trimmed.length() - 5) + trimmed.substring(trimmed.length() - 2);
    }

    /** {@code ada.obi@example.com} becomes {@code a***@example.com}; text without an at sign is masked whole. */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            return "*".repeat(trimmed.length());
        }
        return (at == 0 ? "" : trimmed.substring(0, 1)) + "***" + trimmed.substring(at);
    }
}
