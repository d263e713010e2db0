package org.onboarding.rules;

import java.text.Normalizer;
import java.util.List;

/**
 * name (000, 004): required; Unicode NFKC-normalised, control and zero-width characters removed,
 * runs of white space collapsed to one space, trimmed.
 */
final class NameRule {

    public static final String FIELD = "name";
    static final int MAX_LENGTH = 255;

    public String check(String raw, List<Violation> violations) {
        String name = raw == null ? "" : normalise(raw);
        if (name.isEmpty()) {
            violations.add(new Violation(FIELD, "name is required"));
            return null;
        }
        if (name.length() > MAX_LENGTH) {
            violations.add(new Violation(FIELD, "name is longer than " + MAX_LENGTH + " characters (" + name.length()
                    + ")"));
            return null;
        }
        return name;
    }

    static String normalise(String raw) {
        // Invisible characters go first, so that a letter and its accent they separated compose under NFKC.
        StringBuilder visible = new StringBuilder(raw.length());
        raw.codePoints().forEach(codePoint -> {
            if (isWhitespace(codePoint)) {
                visible.append(' ');
            } else if (!isInvisible(codePoint)) {
                visible.appendCodePoint(codePoint);
            }
        });
        String nfkc = Normalizer.normalize(visible, Normalizer.Form.NFKC);
        StringBuilder name = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); ) {
            int codePoint = nfkc.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isWhitespace(codePoint)) {
                pendingSpace = name.length() > 0;
            } else {
                if (pendingSpace) {
                    name.append(' ');
                    pendingSpace = false;
                }
                name.appendCodePoint(codePoint);
            }
        }
        return name.toString();
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Control characters, and the format characters that render as nothing (zero-width space, joiners, BOM, soft hyphen). */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }
}
