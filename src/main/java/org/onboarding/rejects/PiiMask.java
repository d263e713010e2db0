package org.onboarding.rejects;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.onboarding.feed.FieldType;
import org.onboarding.file.CustomColumn;
import org.onboarding.file.FileHeader;
import org.onboarding.file.StandardColumn;

/**
 * Masks the identity numbers of a row before it is logged, stored as a reject or reported: BVN,
 * identity document numbers (NIN and the others) and phone numbers keep their first three and
 * last two characters only, as in {@code 221******78}.
 */
public final class PiiMask {

    private final Set<Integer> maskedColumns = new HashSet<>();

    public PiiMask(FileHeader header) {
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
        for (int index : maskedColumns) {
            if (index < masked.length) {
                masked[index] = mask(masked[index]);
            }
        }
        return masked;
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
}
