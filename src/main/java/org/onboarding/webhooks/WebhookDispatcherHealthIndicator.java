package org.onboarding.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code webhooks}: down when the service's dispatcher has stopped making
 * progress, since its organisations' events then wait unseen. A pass claims, sends and records as it
 * goes, and no attempt outlives the timeout, so a pass that has done nothing for the claim lease
 * (connect timeout + timeout + 1 min) is stuck; and passes come every {@code webhook-interval}, so none
 * for that interval and a lease more means they stopped coming.
 */
@Component("webhooks")
class WebhookDispatcherHealthIndicator implements HealthIndicator {

    private final WebhookDispatcher dispatcher;
    private final Duration stuckAfter;
    private final Clock clock;

    public WebhookDispatcherHealthIndicator(WebhookDispatcher dispatcher, WebhookProperties properties, Clock clock) {
        this.dispatcher = dispatcher;
        this.stuckAfter = properties.claimLease();
        this.clock = clock;
    }

    @Override
    public Health health() {
        WebhookDispatcher.DispatcherProgress progress = dispatcher.progress();
        Instant now = clock.instant();
        if (progress.passRunning() && progress.lastProgress() != null
                && progress.lastProgress().plus(stuckAfter).isBefore(now)) {
            return Health.down().withDetail("problem", "a delivery pass has made no progress since " + progress.lastProgress())
                    .build();
        }
        Instant lastSeen = progress.lastPassEnded() != null ? progress.lastPassEnded() : progress.lastProgress();
        if (!progress.passRunning() && progress.passesEvery() != null && lastSeen != null
                && lastSeen.plus(progress.passesEvery()).plus(stuckAfter).isBefore(now)) {
            return Health.down().withDetail("problem", "no delivery pass since " + lastSeen).build();
        }
        Health.Builder health = Health.up();
        if (progress.lastPassEnded() != null) {
            health.withDetail("lastPassEnded", progress.lastPassEnded().toString());
        }
        return health.build();
    }
}
