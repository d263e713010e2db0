package org.onboarding.cli;

import java.time.Duration;

import org.onboarding.operations.Durations;
import org.onboarding.operations.ExecutionSummary;
import org.onboarding.pii.PiiText;

/**
 * Text from an import (a file's cells, column names, messages quoting them) made fit for an
 * operator's terminal, and the durations the operating commands print.
 */
final class OperatorText {

    private OperatorText() {
    }

    /**
     * The text on one line, fit for a terminal: identities masked and control characters escaped
     * ({@link PiiText#text}), since a cell may hold an escape sequence that would repaint the
     * terminal, or a line break that would forge a line of output.
     */
    static String of(String text) {
        return text == null ? "" : PiiText.text(text);
    }

    /**
     * {@code 12.4 s}, or {@code 12.4 s+} for an execution that recorded no end: its duration runs up
     * to its last recorded update, and it may have run on since or died then.
     */
    static String duration(ExecutionSummary execution) {
        return duration(execution.duration()) + (execution.ended() ? "" : "+");
    }

    /** {@code 12.4 s}. */
    static String duration(Duration duration) {
        return Durations.shown(duration);
    }

    /** {@code 1 warning}, {@code 2 warnings}. */
    static String count(long count, String noun) {
        return String.format("%,d %s", count, count == 1 ? noun : noun + "s");
    }
}
