package org.onboarding.console;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.onboarding.operations.Durations;
import org.onboarding.operations.ExecutionDetails;
import org.onboarding.operations.StepSummary;

/**
 * An import's steps on one time axis, each drawn from its start for its duration, to scale: the parts of
 * the customer step side by side, each naming the workers that ran it.
 *
 * @param lanes  one per step, in the order they started
 * @param height the drawing's height in pixels
 * @param total  the time the axis spans
 */
record Timeline(List<Lane> lanes, int height, Duration total) {

    static final int ROW = 26;
    static final int LABEL_WIDTH = 230;
    static final int LONGEST = 420;

    /** One step: {@code x} and {@code length} its start and duration on the axis, in pixels. */
    record Lane(String step, String status, String took, String workers, int y, int x, int length) {

        public int textY() {
            return y + 17;
        }

        public int tookX() {
            return x + length + 6;
        }
    }

    static Timeline of(ExecutionDetails details) {
        LocalDateTime start = details.summary().startTime();
        List<StepSummary> steps = details.steps();
        long totalMillis = Math.max(1, details.summary().duration().toMillis());
        for (StepSummary step : steps) {
            if (start != null && step.startTime() != null) {
                totalMillis = Math.max(totalMillis, offset(start, step) + step.duration().toMillis());
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepSummary step = steps.get(i);
            long from = start == null || step.startTime() == null ? 0 : Math.max(0, offset(start, step));
            int x = LABEL_WIDTH + (int) (from * LONGEST / totalMillis);
            int length = Math.max(2, (int) (step.duration().toMillis() * LONGEST / totalMillis));
            lanes.add(new Lane(step.name(), step.status().name(), Durations.shown(step.duration()),
                    String.join(" then ", step.workers()), i * ROW, x, length));
        }
        return new Timeline(lanes, Math.max(steps.size(), 1) * ROW, Duration.ofMillis(totalMillis));
    }

    private static long offset(LocalDateTime start, StepSummary step) {
        return Duration.between(start, step.startTime()).toMillis();
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int width() {
        return LABEL_WIDTH + LONGEST + 90;
    }
}
