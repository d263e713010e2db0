package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.PostgresOnboardingTest;
import org.springframework.batch.core.BatchStatus;

/** The connection scenarios on PostgreSQL, the production database. */
@PostgresOnboardingTest
class PostgresConnectionImportTest extends ConnectionScenarios {

    private static final List<String> WATCHED = List.of("customer", "customer_connection", "batch_job_execution");

    /**
     * The chunks of both steps commit without waiting for the disk (their progress commits with them), and
     * the job's own bookkeeping waits as the server says: seen by triggers that note the setting of every
     * transaction writing a customer, a connection or the job's execution.
     */
    @Test
    void chunksCommitWithoutWaitingForTheDiskAndTheJobsBookkeepingWaits() throws Exception {
        jdbc.execute("create table if not exists test_commit_setting (written varchar(40), setting varchar(20))");
        jdbc.execute("truncate test_commit_setting");
        jdbc.execute("""
                create or replace function test_commit_setting() returns trigger language plpgsql as $$
                begin
                    insert into test_commit_setting values (tg_table_name, current_setting('synchronous_commit'));
                    return new;
                end $$""");
        WATCHED.forEach(table -> jdbc.execute("create trigger test_commit_setting after insert or update on "
                + table + " for each row execute function test_commit_setting()"));
        try {
            ImportSummary summary = run("demo", person("CUS-1", 1, "COMP-1:director"), company("COMP-1", 2, ""),
                    person("CUS-2", 3, ""), person("CUS-3", 4, ""), person("CUS-4", 5, "COMP-1:ubo"));

            assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(summary.counts().connections().created()).isEqualTo(2);
            assertThat(jdbc.queryForList("select distinct written || ' ' || setting from test_commit_setting",
                    String.class)).containsExactlyInAnyOrder("customer off", "customer_connection off",
                    "batch_job_execution on");
        } finally {
            WATCHED.forEach(table -> jdbc.execute("drop trigger if exists test_commit_setting on " + table));
            jdbc.execute("drop table if exists test_commit_setting");
        }
    }

    /**
     * The connections step refreshes the staged cells' statistics before it reads them: the table was empty
     * when last analysed, and the planner, taking the import's staged rows for a handful, read every page
     * by scanning all the rows after it and sorting them (12 ms a page half-way through 85,000 staged
     * rows, against 0.4 ms by the key's index). Autovacuum's own runs count apart ({@code autoanalyze_count}).
     */
    @Test
    void theConnectionsStepRefreshesTheStagedCellsStatisticsBeforeReadingThem() throws Exception {
        long before = manualAnalyses();

        ImportSummary summary = run("demo", person("CUS-1", 1, "COMP-1:director"), company("COMP-1", 2, ""));

        assertThat(summary.counts().connections().created()).isEqualTo(1);
        assertThat(manualAnalyses()).isGreaterThan(before);
    }

    private long manualAnalyses() {
        return jdbc.queryForObject("select analyze_count from pg_stat_user_tables where relid = 'import_connects'::regclass",
                Long.class);
    }
}
