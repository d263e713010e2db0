package org.onboarding.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that makes text fit to show when it may hold what a file holds: identity values
 * masked, control characters escaped, long text cut. The code's messages and the log's patterns
 * (through {@link MaskingConverter}) both call it, so the two cannot drift apart.
 * <p>
 * Masked by what a value looks like, wherever it stands: BVNs, identity document numbers and
 * phone numbers keep their first three and last two characters ({@code 221******78}); an email
 * keeps its first character and its domain ({@code a***@example.com}). Every email, every run of
 * seven digits or more, and every phone number written with spaces or dashes is masked.
 */
public final class PiiText {

    /** How much of a file's text a message quotes at most. */
    public static final int MESSAGE_CHARACTERS = 500;

    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{7,}");
    // Character classes only (no repeated group), so that a long cell neither backtracks nor overflows the stack.
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])[+0][0-9][0-9 -]*+");
    // Matched from the start of a run only (the look-behind), so a long cell is scanned once, not once per character.
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]++@[\\p{L}\\p{N}-]++(?:\\.[\\p{L}\\p{N}-]++)+");

    private PiiText() {
    }

    /**
     * Free text (a message, a reason, an error that may quote a row) made fit to show on one line:
     * identities masked, control characters escaped, cut to {@link #MESSAGE_CHARACTERS}.
     */
    public static String text(String text) {
        return text(text, MESSAGE_CHARACTERS);
    }

    /** {@link #text(String)} cut to {@code characters} instead. */
    public static String text(String text, int characters) {
        return text == null ? null : escape(maskIdentities(cut(text, characters)));
    }

    /** Every email, run of seven digits or more, and spaced phone number in the text, masked. */
    public static String maskIdentities(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // A UUID (an event's, a customer's id) is the pipeline's own and never PII: its digits stay as written.
        Matcher uuid = UUID.matcher(text);
        if (!uuid.find()) {
            return maskOutsideIds(text);
        }
        StringBuilder masked = new StringBuilder(text.length());
        int from = 0;
        do {
            masked.append(maskOutsideIds(text.substring(from, uuid.start()))).append(uuid.group());
            from = uuid.end();
        } while (uuid.find());
        return masked.append(maskOutsideIds(text.substring(from))).toString();
    }

    private static String maskOutsideIds(String text) {
        String masked = text.indexOf('@') < 0 ? text
                : EMAIL.matcher(text).replaceAll(email -> Matcher.quoteReplacement(maskEmail(email.group())));
        masked = PHONE.matcher(masked).replaceAll(phone -> Matcher.quoteReplacement(maskPhone(phone.group())));
        return DIGIT_RUN.matcher(masked).replaceAll(run -> mask(run.group()));
    }

    /** A number written with single spaces or dashes between its digits, seven digits or more, masked. */
    private static String maskPhone(String candidate) {
        String number = candidate.replaceAll("[ -]+$", "");
        String trailing = candidate.substring(number.length());
        long digits = number.chars().filter(Character::isDigit).count();
        boolean written = !number.contains("  ") && !number.contains("--") && !number.contains(" -")
                && !number.contains("- ");
        return digits >= 7 && written ? mask(number) + trailing : candidate;
    }

    /**
     * Control characters (C0, DEL, C1) and the bidirectional overrides written as escapes
     * ({@code \n}, {@code \x1b}, {@code \u202e}), so that text from a file can neither retitle or clear
     * a terminal nor forge a log line.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = escapeOf(c);
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static String escapeOf(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) ? String.format("\\x%02x", (int) c)
                    : (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ? String.format("\\u%04x", (int) c)
                    : null;
        };
    }

    /**
     * A line of a file as every message names it: {@code line 4,520,988}. Grouped, a line number of a
     * large file never reads as a run of seven digits, which masking would take for an identity.
     */
    public static String line(long line) {
        return String.format("line %,d", line);
    }

    /** The text, or its first {@code characters} and how long it was. */
    public static String cut(String text, int characters) {
        if (text == null || text.length() <= characters) {
            return text;
        }
        return text.substring(0, characters) + "…(" + String.format("%,d", text.length()) + " characters)";
    }

    /** {@code ada.obi@example.com} becomes {@code a***@example.com}; a value without an @ is masked like a number. */
    public static String maskEmail(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String trimmed = value.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 1) {
            return mask(trimmed);
        }
        return trimmed.charAt(0) + "***" + trimmed.substring(at);
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
