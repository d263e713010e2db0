package org.onboarding.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.onboarding.settings.AtLeast;
import org.onboarding.settings.Below;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, and a last attempt after
 * which the event is a dead letter; the waits and the last retry are Spring's {@link ExponentialBackOff}.
 * With the defaults the retries come after about 10 s, 40 s, 2 min 40 s, 10 min 40 s, 43 min, 2 h 50 min,
 * 8 h and 8 h: nine attempts over about 20 hours.
 *
 * @param firstDelay the wait before the first retry
 * @param multiplier how much longer each further wait is
 * @param maxDelay   the longest wait
 * @param attempts   how many attempts in all, the first one included
 * @param jitter     each wait is moved by up to this fraction either way, so that events failed
 *                   together are not retried together
 */
record RetrySchedule(
        @DefaultValue("10s") @AtLeast("0s") Duration firstDelay,
        @DefaultValue("4") @AtLeast("1") double multiplier,
        @DefaultValue("8h") Duration maxDelay,
        @DefaultValue("9") @AtLeast("1") int attempts,
        @DefaultValue("0.2") @AtLeast("0") @Below("1") double jitter) {

    public RetrySchedule {
        if (attempts < 1 || multiplier < 1 || jitter < 0 || jitter >= 1 || firstDelay.isNegative()
                || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("onboard.webhooks.retry: attempts must be 1 or more, multiplier 1 or "
                    + "more, jitter from 0 to below 1, and max-delay no shorter than first-delay");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first, {@code attempts - 1} the last), before jitter. */
    public Duration delayBefore(int retry) {
        long millis = waitBefore(retry);
        if (millis == BackOffExecution.STOP) {
            throw new IllegalArgumentException("retry " + retry + " is past the last of " + (attempts - 1));
        }
        return Duration.ofMillis(millis);
    }

    /** When to try again after {@code attemptsMade} failed attempts; empty when that was the last one. */
    public Optional<Instant> nextAttempt(Instant failedAt, int attemptsMade) {
        long millis = waitBefore(attemptsMade);
        if (millis == BackOffExecution.STOP) {
            return Optional.empty();
        }
        // Spring's own jitter never goes below the first delay nor above the longest: this one moves every
        // wait, those two included, by up to the fraction either way, as the setting says.
        double spread = jitter == 0 ? 1 : ThreadLocalRandom.current().nextDouble(1 - jitter, 1 + jitter);
        return Optional.of(failedAt.plusMillis(Math.round(millis * spread)));
    }

    /** The un-jittered wait before retry number {@code retry}, or {@link BackOffExecution#STOP} past the last. */
    private long waitBefore(int retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(firstDelay.toMillis(), multiplier);
        backOff.setMaxInterval(maxDelay.toMillis());
        // The retries, as the first attempt is none.
        backOff.setMaxAttempts(attempts - 1L);
        BackOffExecution waits = backOff.start();
        long millis = BackOffExecution.STOP;
        for (int made = 0; made < retry; made++) {
            millis = waits.nextBackOff();
        }
        return millis;
    }
}
