package org.onboarding.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.onboarding.operations.Durations;
import org.onboarding.operations.ExecutionSummary;
import org.onboarding.pii.PiiText;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * How the pages write times and durations ({@code ${@shown.took(run)}} in a template): durations as the
 * command line writes them, times in this machine's zone, as the job repository keeps them.
 */
@Component("shown")
@Profile("serve")
class Shown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** {@code 12.4 s}, with a {@code +} for a run that recorded no end (it ran at least that long). */
    public String took(ExecutionSummary run) {
        return Durations.shown(run.duration()) + (run.ended() ? "" : "+");
    }

    /**
     * Text from a file (its name, a cell) with control characters and bidirectional overrides written as
     * escapes, as the command line shows it: markup is escaped by the page itself.
     */
    public String text(String text) {
        return text == null ? "" : PiiText.escape(text);
    }

    /** A running import's progress, as the page's script goes on to update it. */
    public String progress(ExecutionSummary run) {
        return ImportsPage.Progress.of(run).text();
    }

    public String duration(Duration duration) {
        return Durations.shown(duration);
    }

    /** {@code 45 s}, {@code 12 min}, {@code 3 h 05 min}, {@code 2 d 4 h}. */
    public String age(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%d d %d h", seconds / 86_400, seconds % 86_400 / 3600);
    }

    public String time(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    public String time(Instant time) {
        return time == null ? "" : TIME.format(time.atZone(ZoneId.systemDefault()));
    }
}
