package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    /**
     * Another import of the organisation creates a customer of the same referenceId after the chunk looked
     * it up: the chunk's insert waits for it, is refused by the unique key, and the chunk is written again
     * row by row, which finds the customer and updates it. One customer, counted as updated, no second wallet.
     */
    @Test
    void aCustomerAnotherImportCreatesWhileTheChunkWritesIsUpdatedNotCreatedTwice() throws Exception {
        run(csv("first.csv", "CUS-0,Zero,1,22100000009,,,,,,,,"), "demo");
        UUID twin = UUID.randomUUID();
        try (Connection other = jdbc.getDataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into customer (id, organization_id,"
                    + " reference_id, name, account_type_id) select ?, organization_id, 'CUS-1', 'Twin', 1"
                    + " from customer where reference_id = 'CUS-0'")) {
                insert.setObject(1, twin);
                insert.executeUpdate();
            }
            CompletableFuture<ImportSummary> importing = CompletableFuture.supplyAsync(() -> {
                try {
                    return run(csv("twin.csv", "CUS-1,Ngozi Eze,1,22100000001,,,,,Trader,,,",
                            "CUS-2,Other,1,22100000002,,,,,,,,"), "demo").summary();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like 'insert into customer %'", Long.class) == 0) {
                assertThat(System.nanoTime()).as("the chunk's insert waits for the other import's customer")
                        .isLessThan(deadline);
                assertThat(importing).isNotDone();
                Thread.sleep(20);
            }
            other.commit();
            ImportSummary summary = importing.get(60, TimeUnit.SECONDS);

            assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(summary.counts().created()).isEqualTo(1);
            assertThat(summary.counts().updated()).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select id || ' ' || name || ' ' || bvn from customer where reference_id = 'CUS-1'",
                String.class)).containsExactly(twin + " Ngozi Eze 22100000001");
        assertThat(jdbc.queryForObject("select count(*) from wallet where customer_id = ?", Long.class, twin))
                .isZero();
        assertThat(fieldValues("CUS-1")).containsExactly("occupation=Trader");
    }
}
