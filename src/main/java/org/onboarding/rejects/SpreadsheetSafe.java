package org.onboarding.rejects;

/**
 * Makes a cell safe to open in a spreadsheet: a cell that would start a formula (=, +, -, @,
 * tab or carriage return) is prefixed with an apostrophe, which spreadsheets show as text
 * (OWASP's advice against CSV injection).
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + value : value;
    }
}
