package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.PostgresOnboardingTest;
import org.springframework.batch.core.BatchStatus;

/** The import scenarios on PostgreSQL, the production database. */
@PostgresOnboardingTest
class PostgresCustomerImportTest extends CustomerImportScenarios {

    @Test
    void aTransientDatabaseErrorIsRetriedAndTheImportCompletesAsIfNothingHappened() throws Exception {
        // A sequence is not rolled back with the chunk: the first write fails as a serialization failure would, once.
        jdbc.execute("create sequence if not exists test_transient");
        jdbc.execute("select setval('test_transient', 1, false)");
        jdbc.execute("""
                create or replace function test_transient() returns trigger language plpgsql as $$
                begin
                    if nextval('test_transient') = 1 then
                        raise exception 'could not serialize access' using errcode = '40001';
                    end if;
                    return new;
                end $$""");
        jdbc.execute("drop trigger if exists test_transient on customer");
        jdbc.execute("create trigger test_transient before insert on customer for each row execute function test_transient()");
        try {
            ImportSummary summary = run(csv("transient.csv", "CUS-1,One,1,22100000001,,,,,,,,",
                    "CUS-2,Two,1,22100000002,,,,,,,,"), "demo").summary();

            assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(summary.counts().created()).isEqualTo(2);
            assertThat(jdbc.queryForObject("select nextval('test_transient')", Long.class)).isGreaterThan(2);
        } finally {
            jdbc.execute("drop trigger if exists test_transient on customer");
        }
    }
}
