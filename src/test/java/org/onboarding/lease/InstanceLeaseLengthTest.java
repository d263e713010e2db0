package org.onboarding.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.H2OnboardingTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Instances with different lease settings share one database, as in a rolling change of
 * {@code ONBOARD_INSTANCE_LEASE}: each is judged by the lease it renews for, so one with a short lease
 * never holds a long-lease instance gone (and recovers its live imports) between two of its renewals.
 */
@H2OnboardingTest
class InstanceLeaseLengthTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInstanceIsLiveWithinItsOwnLeaseWhateverTheJudgesLease() throws Exception {
        ImportLeases longLease = new ImportLeases(jdbc, new InstanceProperties("long-lease", Duration.ofSeconds(30)));
        ImportLeases shortLease = new ImportLeases(jdbc, new InstanceProperties("short-lease", Duration.ofSeconds(1)));
        try {
            longLease.register();
            shortLease.register();
            // Past the short lease, well within the long one (renewed every 5 s): both still live.
            Thread.sleep(1_500);

            assertThat(shortLease.isLive(longLease.self().id())).as("a long-lease instance between renewals").isTrue();
            assertThat(longLease.isLive(shortLease.self().id())).as("a short-lease instance renewing").isTrue();
        } finally {
            longLease.destroy();
            shortLease.destroy();
        }
    }

    @Test
    void anInstanceThatStopsRenewingIsGoneOnceItsOwnLeaseHasPassed() {
        ImportLeases judge = new ImportLeases(jdbc, new InstanceProperties("judge", Duration.ofSeconds(30)));
        // Killed two seconds after its last renewal, with a one-second lease: its row is left behind.
        jdbc.update("""
                insert into onboard_instance (instance_id, host, pid, started_at, renewed_at, lease_millis)
                values ('gone-1-1', 'host', 1, current_timestamp, current_timestamp - interval '2' second, 1000)""");
        try {
            assertThat(judge.isLive("gone-1-1")).as("held gone by a judge with a longer lease").isFalse();
        } finally {
            jdbc.update("delete from onboard_instance where instance_id = 'gone-1-1'");
        }
    }
}
