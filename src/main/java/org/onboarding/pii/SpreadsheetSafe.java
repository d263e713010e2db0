package org.onboarding.pii;

/**
 * Makes a cell safe to open in a spreadsheet: a cell that would start a formula is prefixed with
 * an apostrophe, which spreadsheets show as text (OWASP's advice against CSV injection). A formula
 * starts with {@code =}, {@code +}, {@code -} or {@code @}, or their full-width and small forms
 * ({@code ＝ ＋ － ＠}), which spreadsheets with East Asian input read the same way; spreadsheets
 * also skip leading white space (a space, a no-break space, any Unicode white space) and
 * zero-width characters before one, and a tab or carriage return anywhere in that lead opens a
 * formula by itself.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            if (c == '\t' || c == '\r' || startsFormula(c)) {
                return "'" + value;
            }
            if (!isSkippedLead(c)) {
                return value;
            }
        }
        return value;
    }

    private static boolean startsFormula(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE66', '\uFE62', '\uFE63', '\uFE6B' -> true;
            default -> false;
        };
    }

    /** White space in Unicode's sense (no-break spaces and NEL included), and zero-width characters. */
    private static boolean isSkippedLead(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085'
                || Character.getType(c) == Character.FORMAT;
    }
}
