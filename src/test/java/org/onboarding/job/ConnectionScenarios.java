package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onboarding.imports.ConnectionCounts;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.TableSnapshot;
import org.springframework.batch.core.BatchStatus;

/**
 * The connections step end to end, run on the embedded H2 default and on PostgreSQL by the
 * subclasses. Chunks are 4 rows, so files here span several chunks of both steps.
 */
abstract class ConnectionScenarios extends ImportScenario {


    @Test
    void connectsInBothFormsLinkCustomersNamedLaterInTheFileWithRolesInUpperCase() throws Exception {
        ImportSummary summary = run("demo",
                person("CUS-1", 1, "COMP-1:director|COMP-2:Shareholder"),
                person("CUS-2", 2, "\"[{\"\"referenceId\"\":\"\"COMP-1\"\",\"\"role\"\":\"\"ubo\"\"}]\""),
                company("COMP-1", 3, ""),
                company("COMP-2", 4, "COMP-1:SHAREHOLDER|COMP-1:shareholder"),
                person("CUS-3", 5, ""));

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(connections()).containsExactly("COMP-2|COMP-1|SHAREHOLDER", "CUS-1|COMP-1|DIRECTOR",
                "CUS-1|COMP-2|SHAREHOLDER", "CUS-2|COMP-1|UBO");
        assertThat(summary.counts().connections()).isEqualTo(new ConnectionCounts(4, 0, 0, 0));
        assertThat(jdbc.queryForObject("select count(*) from import_connects", Long.class))
                .as("the staged cells are forgotten once the import completed").isZero();
    }

    @Test
    void everyRuleRejectsTheConnectionAloneNamingItsRelatedReferenceId() throws Exception {
        ImportSummary summary = run("demo",
                person("CUS-1", 1, "COMP-1:FOUNDER|COMP-1:DIRECTOR|NOBODY:UBO|CUS-1:UBO|COMP-1"),
                company("COMP-1", 2, "CUS-1:DIRECTOR|CUS-1:BANK_ACCOUNT"),
                "CUS-3,Bad Bvn,1,221,,,,,,,,COMP-1:UBO");

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(summary.counts().created()).isEqualTo(2);
        assertThat(summary.counts().rejected()).isEqualTo(1);
        assertThat(connections()).containsExactly("COMP-1|CUS-1|BANK_ACCOUNT", "CUS-1|COMP-1|DIRECTOR");
        assertThat(summary.counts().connections()).isEqualTo(new ConnectionCounts(2, 0, 0, 6));
        assertThat(jdbc.queryForList("""
                select line_number || ' ' || reference_id || ' -> ' || coalesce(related_reference_id, '?') || ': ' || reason
                from import_reject where kind = 'connection' order by line_number, id""", String.class)).containsExactly(
                "2 CUS-1 -> COMP-1: role FOUNDER is not one of UBO, DIRECTOR, SHAREHOLDER, AUTHORIZED_PERSON,"
                        + " BANK_ACCOUNT, ACCOUNT_HOLDER",
                "2 CUS-1 -> NOBODY: referenceId NOBODY is not a customer of Demo Microfinance Bank",
                "2 CUS-1 -> CUS-1: a customer cannot be connected to itself",
                "2 CUS-1 -> COMP-1: connects entry 'COMP-1' is not written referenceId:ROLE",
                "3 COMP-1 -> CUS-1: DIRECTOR may be held only by a Person; COMP-1 is a Company",
                "4 CUS-3 -> COMP-1: the row's customer was rejected");
        String report = Files.readString(Path.of(summary.reportPath()), StandardCharsets.UTF_8);
        assertThat(report).contains("\"3\",\"COMP-1\",\"connections\",\"connection to CUS-1: DIRECTOR may be held")
                .contains("connection to NOBODY: referenceId NOBODY is not a customer")
                .contains("\"4\",\"CUS-3\",\"row and connections\"");
    }

    @Test
    void aReferenceResolvesToCustomersOfEarlierFilesOfTheSameOrganisationOnly() throws Exception {
        run("demo", company("COMP-1", 1, ""));
        run("other", company("COMP-9", 9, ""));

        ImportSummary summary = run("demo", person("CUS-1", 2, "COMP-1:DIRECTOR|COMP-9:DIRECTOR"));

        assertThat(connections()).containsExactly("CUS-1|COMP-1|DIRECTOR");
        assertThat(jdbc.queryForList("select reason from import_reject where kind = 'connection'", String.class))
                .containsExactly("referenceId COMP-9 is not a customer of Demo Microfinance Bank");
        assertThat(summary.counts().connections()).isEqualTo(new ConnectionCounts(1, 0, 0, 1));
    }

    @Test
    void importingTheSameConnectionsAgainNeverDuplicatesOne() throws Exception {
        Path file = file("twice.csv", person("CUS-1", 1, "COMP-1:DIRECTOR|COMP-1:UBO"), company("COMP-1", 2, ""));
        launcher.launch(new ImportRequest(file, "demo", null, false));

        ImportSummary again = launcher.launch(new ImportRequest(file, "demo", null, true)).summary();

        assertThat(again.counts().connections()).isEqualTo(new ConnectionCounts(0, 2, 0, 0));
        assertThat(connections()).containsExactly("CUS-1|COMP-1|DIRECTOR", "CUS-1|COMP-1|UBO");
    }

    @Test
    void underPolicyAddALaterCellAddsAndUnderReplaceItIsTheFullList() throws Exception {
        run("demo", person("CUS-1", 1, "COMP-1:DIRECTOR|COMP-2:UBO"), company("COMP-1", 2, ""), company("COMP-2", 3, ""));

        ImportSummary added = run("demo", person("CUS-1", 1, "COMP-2:SHAREHOLDER"));
        List<String> afterAdd = connections();
        ImportSummary replaced = run("replace", person("CUS-1", 1, "COMP-2:UBO"), person("CUS-1", 1, "COMP-1:UBO|COMP-2:UBO"));
        List<String> afterReplace = connections();
        ImportSummary emptyCell = run("replace", person("CUS-1", 1, ""), person("CUS-2", 4, ""));
        ImportSummary withReject = run("replace", person("CUS-1", 1, "COMP-1:DIRECTOR|NOBODY:UBO"));

        assertThat(added.counts().connections()).isEqualTo(new ConnectionCounts(1, 0, 0, 0));
        assertThat(afterAdd).containsExactly("CUS-1|COMP-1|DIRECTOR", "CUS-1|COMP-2|SHAREHOLDER", "CUS-1|COMP-2|UBO");
        assertThat(replaced.counts().connections()).isEqualTo(new ConnectionCounts(1, 2, 2, 0));
        assertThat(afterReplace).containsExactly("CUS-1|COMP-1|UBO", "CUS-1|COMP-2|UBO");
        assertThat(emptyCell.counts().connections()).isEqualTo(ConnectionCounts.NONE);
        assertThat(withReject.counts().connections()).as("a cell with a reject replaces nothing")
                .isEqualTo(new ConnectionCounts(1, 0, 0, 1));
        assertThat(connections()).containsExactly("CUS-1|COMP-1|DIRECTOR", "CUS-1|COMP-1|UBO", "CUS-1|COMP-2|UBO");
    }

    @Test
    void aMatchedRowsConnectionsAreRejectedSinceTheRowChangesNothing() throws Exception {
        run("demo", company("COMP-1", 1, ""), person("CUS-1", 2, ""));

        ImportSummary summary = run("lenient", person("CUS-2", 2, "COMP-1:DIRECTOR"));

        assertThat(summary.counts().matched()).isEqualTo(1);
        assertThat(connections()).isEmpty();
        assertThat(jdbc.queryForList("select reason from import_reject where kind = 'connection'", String.class))
                .containsExactly(
                        "the row was matched to an existing customer by its BVN, email or phone and changes nothing");
    }

    @Test
    void identityNumbersInAConnectsCellAreMaskedAndAnOversizedCellIsRejected() throws Exception {
        ImportSummary summary = run("demo", company("COMP-1", 1, ""),
                person("CUS-1", 2, "COMP-1:DIRECTOR|22012345678|08031234567:UBO"),
                person("CUS-2", 3, "COMP-1:" + "X".repeat(10_001)));

        assertThat(summary.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(connections()).containsExactly("CUS-1|COMP-1|DIRECTOR");
        List<String> rejects = jdbc.queryForList("select concat_ws(' ', related_reference_id, reason, row_cells)"
                + " from import_reject where kind = 'connection' order by id", String.class);
        assertThat(String.join("\n", rejects)).contains("220******78").contains("080******67")
                .contains("connects is longer than 10000 characters")
                .doesNotContain("22012345678").doesNotContain("08031234567");
    }

    @Test
    void countsAreTheSameWhereverTheChunksOfTheConnectionsStepBreak() throws Exception {
        run("demo", company("COMP-1", 1, ""), company("COMP-2", 2, ""), company("COMP-3", 3, ""), person("CUS-1", 4, ""));
        // Chunks are 4 staged cells: CUS-1 is named twice in the first chunk, then again in the second.
        ImportSummary summary = run("replace",
                person("CUS-1", 4, "COMP-1:DIRECTOR"), person("CUS-1", 4, "COMP-2:DIRECTOR"),
                person("CUS-2", 5, "COMP-1:UBO"), person("CUS-2", 5, "COMP-1:UBO"),
                person("CUS-1", 4, "COMP-3:DIRECTOR"), person("CUS-1", 4, "|"), person("CUS-2", 5, "[]"));

        assertThat(connections()).containsExactly("CUS-1|COMP-3|DIRECTOR", "CUS-2|COMP-1|UBO");
        assertThat(summary.counts().connections()).as("as if the rows applied one by one")
                .isEqualTo(new ConnectionCounts(4, 1, 2, 0));
    }

    @Test
    void rejectedConnectionsCountAgainstTheSkipLimit() throws Exception {
        ImportSummary summary = run("tight", person("CUS-1", 1, "A:UBO|B:UBO|C:UBO"));

        assertThat(summary.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(summary.failure()).contains("skip limit of 2");
    }

    @Test
    void aRestartInsideTheConnectionsStepResumesThereAndEndsAsAnUninterruptedRun() throws Exception {
        String[] rows = {
                company("COMP-1", 1, ""), company("COMP-2", 2, ""),
                person("CUS-1", 3, "COMP-1:DIRECTOR"), person("CUS-2", 4, "COMP-1:UBO|COMP-2:UBO"),
                person("CUS-3", 5, "COMP-2:DIRECTOR|NOBODY:UBO"), person("CUS-4", 6, "COMP-1:SHAREHOLDER"),
                person("CUS-5", 7, "COMP-2:SHAREHOLDER"), person("CUS-6", 8, "COMP-1:AUTHORIZED_PERSON"),
                person("CUS-7", 9, "COMP-2:AUTHORIZED_PERSON"), person("CUS-8", 10, "COMP-1:UBO"),
                person("CUS-9", 11, "COMP-2:UBO"), person("CUS-10", 12, "COMP-1:DIRECTOR|COMP-2:DIRECTOR")};
        Path file = file("restart.csv", rows);
        ImportSummary uninterrupted = launcher.launch(new ImportRequest(file, "demo", null, false)).summary();
        TableSnapshot expected = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);

        new FaultInjection(jdbc).failConnectionsOf("CUS-8");
        ImportSummary failed = launcher.launch(new ImportRequest(file, "demo", null, false)).summary();
        long connectionsAtFailure = jdbc.queryForObject("select count(*) from customer_connection", Long.class);
        new FaultInjection(jdbc).clear();
        ImportSummary restarted = launcher.launch(new ImportRequest(file, "demo", null, false)).summary();

        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.failure()).contains("injected fault connecting");
        assertThat(connectionsAtFailure).isBetween(1L, (long) expected.connections().size() - 1);
        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("select step_name from batch_step_execution where job_execution_id = ?"
                + " order by step_execution_id", String.class, restarted.executionId()))
                .containsExactly(CustomerImportJobConfiguration.CONNECTIONS_STEP, "writeRejectReport", "forgetStagedConnects",
                        "queueNotifications");
        assertThat(restarted.counts()).isEqualTo(uninterrupted.counts());
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(expected);
    }

    static String person(String referenceId, int bvn, String connects) {
        return referenceId + ",Person " + referenceId + ",1," + String.format("221%08d", bvn) + ",,,,,,,," + connects;
    }

    static String company(String referenceId, int bvn, String connects) {
        return referenceId + ",Company " + referenceId + ",2," + String.format("221%08d", bvn) + ",,,,,,,," + connects;
    }

    private List<String> connections() {
        return TableSnapshot.of(jdbc).connections();
    }

    ImportSummary run(String feed, String... rows) throws Exception {
        return launcher.launch(new ImportRequest(file(feed + "-" + System.nanoTime() + ".csv", rows), feed, null, false))
                .summary();
    }

    private Path file(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }
}
