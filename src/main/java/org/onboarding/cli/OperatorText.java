package org.onboarding.cli;

import org.onboarding.operations.ExecutionSummary;
import org.onboarding.rejects.PiiMask;

/**
 * Text from an import (a file's cells, column names, messages quoting them) made fit for an
 * operator's terminal, and the durations the operating commands print.
 */
final class OperatorText {

    private OperatorText() {
    }

    /**
     * The text on one line with identity numbers masked and control and format characters written
     * as a backslash, {@code u} and four hex digits (the escape character as {@code u001B} after the
     * backslash): a cell may hold an escape sequence that would repaint the terminal, or a line break
     * that would forge a line of output.
     */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        PiiMask.maskDigitRuns(text).codePoints().forEach(codePoint -> {
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                escaped.append(String.format("\\u%04X", codePoint));
            } else {
                escaped.appendCodePoint(codePoint);
            }
        });
        return escaped.toString();
    }

    /**
     * {@code 12.4 s}, or {@code 12.4 s+} for an execution that recorded no end: its duration runs up
     * to its last recorded update, and it may have run on since or died then.
     */
    static String duration(ExecutionSummary execution) {
        return String.format("%.1f s", execution.duration().toMillis() / 1000.0) + (execution.ended() ? "" : "+");
    }

    /** {@code 1 warning}, {@code 2 warnings}. */
    static String count(long count, String noun) {
        return String.format("%,d %s", count, count == 1 ? noun : noun + "s");
    }
}
