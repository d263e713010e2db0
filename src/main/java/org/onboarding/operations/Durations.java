package org.onboarding.operations;

import java.time.Duration;

/** How the command line and the console show a duration: {@code 12.4 s}. */
public final class Durations {

    private Durations() {
    }

    public static String shown(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
