package org.onboarding.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The default retry schedule, as the README documents it. */
class RetryScheduleTest {

    private final RetrySchedule defaults = new RetrySchedule(Duration.ofSeconds(10), 4, Duration.ofHours(8), 9, 0.2);

    @Test
    void theDefaultWaitsGrowFromSecondsToHoursAndSpanAboutADay() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(defaults::delayBefore)).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofSeconds(160), Duration.ofSeconds(640),
                Duration.ofSeconds(2560), Duration.ofSeconds(10240), Duration.ofHours(8), Duration.ofHours(8));
        Duration total = IntStream.rangeClosed(1, 8).mapToObj(defaults::delayBefore).reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(19), Duration.ofHours(20));
    }

    @Test
    void eachWaitIsJitteredWithinItsBandAndTheLastAttemptHasNoNext() {
        Instant failedAt = Instant.parse("2026-11-23T02:00:00Z");
        for (int i = 0; i < 200; i++) {
            assertThat(defaults.nextAttempt(failedAt, 3).orElseThrow())
                    .isBetween(failedAt.plusSeconds(128), failedAt.plusSeconds(192));
        }
        assertThat(defaults.nextAttempt(failedAt, 9)).isEmpty();
    }

    @Test
    void anImpossibleScheduleIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySchedule(Duration.ofSeconds(10), 4, Duration.ofHours(8), 0, 0.2));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySchedule(Duration.ofSeconds(10), 4, Duration.ofSeconds(1), 3, 0.2));
    }
}
