package org.onboarding.feed;

import java.util.Locale;

/**
 * Folds a header name for matching: case and separators do not count, so referenceId,
 * reference_id and "Reference ID" are the same column.
 */
public final class ColumnKey {

    private ColumnKey() {
    }

    public static String of(String headerName) {
        StringBuilder key = new StringBuilder(headerName.length());
        headerName.strip().toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
