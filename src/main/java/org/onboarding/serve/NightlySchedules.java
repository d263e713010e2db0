package org.onboarding.serve;

import java.time.Clock;

import org.onboarding.feed.ImportSchedule;
import org.springframework.integration.aop.ReceiveMessageAdvice;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.stereotype.Component;

/**
 * Gives each scheduled feed's inbox adapter the advice that opens it only when its schedule fires,
 * with the locks every service instance on the database shares ({@code int_lock}).
 */
@Component
class NightlySchedules {

    private final Clock clock;
    private final ConcurrentMetadataStore runs;
    private final JdbcLockRegistry locks;

    public NightlySchedules(Clock clock, ConcurrentMetadataStore runs, JdbcLockRegistry locks) {
        this.clock = clock;
        this.runs = runs;
        this.locks = locks;
    }

    /** The advice that lets the feed's adapter read its inbox only during a scheduled run. */
    public ReceiveMessageAdvice runsOf(String feed, ImportSchedule schedule) {
        return new ScheduledRun(feed, schedule, clock, runs, locks);
    }
}
