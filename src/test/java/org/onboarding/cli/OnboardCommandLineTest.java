package org.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.OnboardingApplication;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.Postgres;
import org.onboarding.testsupport.TestFeeds;
import org.onboarding.testsupport.WebhookReceiver;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ./onboard} as a user meets it: the real application started with command-line
 * arguments, its exit status and what it prints. Each run gets its own in-memory database.
 */
@ExtendWith(OutputCaptureExtension.class)
class OnboardCommandLineTest {

    static final String HEADER = "referenceId,name,accountTypeId,bvn";

    @TempDir
    Path dir;

    @BeforeAll
    static void feeds() {
        TestFeeds.write();
    }

    @Test
    void aCompletedImportExitsZeroAndPrintsItsSummary(CapturedOutput output) throws IOException {
        Path file = csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,No Bvn,1,");

        int status = onboard(database(), "import", file.toString());

        assertThat(status).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("COMPLETED").containsPattern("rows read\\s+2")
                .containsPattern("created\\s+1").containsPattern("rejected\\s+1").contains("reject report");
    }

    @Test
    void importingTheSameContentAgainSaysSoAndExitsZero(CapturedOutput output) throws IOException {
        String database = database();
        Path file = csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001");
        onboard(database, "import", file.toString());

        int status = onboard(database, "import", file.toString());

        assertThat(status).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("was already imported by execution 1").contains("--rerun");
    }

    @Test
    void aFailedImportExitsOne(CapturedOutput output) throws IOException {
        Path file = csv("bad.csv", "CUS-1,,1,22100000001", "CUS-2,,1,22100000002", "CUS-3,,1,22100000003");

        int status = onboard(database(), "import", "--feed", "tight", file.toString());

        assertThat(status).isEqualTo(ExitCodes.FAILED);
        assertThat(output.getOut()).contains("FAILED").contains("skip limit of 2").contains("restart");
    }

    @Test
    void aFileThatCannotBeImportedExitsTwoWithOneClearLineAndNoStackTrace(CapturedOutput output) throws IOException {
        Path noReferenceId = Files.writeString(dir.resolve("no-ref.csv"), "name,accountTypeId\nA,1\n");

        int missing = onboard(database(), "import", dir.resolve("missing.csv").toString());
        int badHeader = onboard(database(), "import", noReferenceId.toString());

        assertThat(missing).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(badHeader).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("missing.csv: no such file")
                .contains("no-ref.csv: line 1: the header has no referenceId column")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRefusedFileIsNamedInFullThoughItsNameHasDigitsWhileWhatItQuotesIsMasked(CapturedOutput output)
            throws IOException {
        // A nightly file named by its date: eight digits that masking would take for an identity.
        Path dated = Files.writeString(dir.resolve("customers-20261201.csv"),
                "referenceId,name,08031234567,08031234567\nCUS-1,Ada Obi,a,b\n");

        int status = onboard(database(), "import", dated.toString());

        assertThat(status).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("onboard: " + dated + ": line 1: columns 3 ('080******67') and 4")
                .doesNotContain("08031234567");
    }

    @Test
    void errorsQuotingAFileShowNoIdentityNorControlCharacterAndTakeOneLine(CapturedOutput output) throws IOException {
        Path headerless = Files.writeString(dir.resolve("no-header.csv"),
                "CUS-1,Ada Obi,1,22100000001,ada.obi@example.com,+234 803 123 4567\nCUS-2,Eze,1,22100000002,,\n");
        Path unclosed = Files.writeString(dir.resolve("unclosed.csv"),
                HEADER + "\nCUS-1,\"Ada Obi,1,22100000001\nCUS-2,Eze,1,22100000002\n");
        Path hostileHeader = Files.writeString(dir.resolve("hostile.csv"),
                HEADER + ",\"\u001b]0;PWNED\u0007\u001b[2J\u001b[31m\"\nCUS-1,Ada,1,22100000001,x\n");

        int noHeader = onboard(database(), "import", headerless.toString());
        int quote = onboard(database(), "import", unclosed.toString());
        int hostile = onboard(database(), "import", hostileHeader.toString());

        assertThat(noHeader).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(quote).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(hostile).isEqualTo(ExitCodes.COMPLETED);
        String printed = output.getOut() + output.getErr();
        assertThat(printed).doesNotContain("22100000001").doesNotContain("ada.obi@example.com")
                .doesNotContain("803 123 4567").doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("a***@example.com");
        assertThat(output.getErr().lines().filter(line -> line.startsWith("onboard: ")))
                .anySatisfy(line -> assertThat(line).contains("unclosed.csv: line 2: a quoted cell is never closed"))
                .anySatisfy(line -> assertThat(line).contains("no-header.csv: line 1: the header has no referenceId"));
        assertThat(output.getErr().lines().filter(line -> line.contains("unclosed.csv"))).hasSize(1);
        Path log = dir.resolve("onboard.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain("22100000001").doesNotContain("\u001b");
        }
    }

    @Test
    void aHeaderWithoutRowsIsAValidEmptyImport(CapturedOutput output) throws IOException {
        Path file = Files.writeString(dir.resolve("header-only.csv"), HEADER + "\r\n");

        int status = onboard(database(), "import", file.toString());

        assertThat(status).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("COMPLETED").containsPattern("rows read\\s+0");
    }

    @Test
    void aFileInAnotherCharsetImportsWithEncodingAndIsRefusedWithoutIt(CapturedOutput output) throws IOException {
        Path file = Files.write(dir.resolve("latin.csv"),
                (HEADER + "\nCUS-1,Chlo\u00E9 Obi,1,22100000001\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));

        int refused = onboard(database(), "import", file.toString());
        int imported = onboard(database(), "import", "--encoding", "windows-1252", file.toString());

        assertThat(refused).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("latin.csv: line 2, byte offset").contains("--encoding");
        assertThat(imported).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).containsPattern("created\\s+1");
    }

    @Test
    void recoverMarksOnlyAnExecutionStillMarkedRunning(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());

        int completed = onboard(database, "recover", "1");
        int unknown = onboard(database, "recover", "99");

        assertThat(completed).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("Execution 1 is COMPLETED, not running: nothing to recover.");
        assertThat(unknown).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("no import execution 99");
    }

    @Test
    void recoverIsRefusedWhileAnotherProcessRenewsTheExecutionsLeaseUnlessForced(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());
        onboard(database, "import", csv("other.csv", "CUS-2,Emeka Obi,1,22100000002").toString());
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "sa", ""));
        // Execution 1 as a live process on another host runs it; execution 2 as one that stopped renewing an hour ago.
        jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null");
        jdbc.update("insert into onboard_instance (instance_id, host, pid, started_at, renewed_at)"
                + " values ('blue-1-a', 'host-a', 41, current_timestamp, current_timestamp)");
        jdbc.update("insert into onboard_instance (instance_id, host, pid, started_at, renewed_at) values"
                + " ('blue-2-b', 'host-b', 42, current_timestamp, dateadd('HOUR', -1, current_timestamp))");
        jdbc.update("insert into import_lease (job_execution_id, instance_id) values (1, 'blue-1-a'), (2, 'blue-2-b')");

        int refused = onboard(database, "recover", "1");
        int lapsed = onboard(database, "recover", "2");
        String statusWhileRefused = jdbc.queryForObject("select status from batch_job_execution where job_execution_id = 1",
                String.class);
        int forced = onboard(database, "recover", "1", "--force");

        assertThat(refused).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("onboard: execution 1 is STARTED and held by blue-1-a (pid 41 on host-a)")
                .contains("'./onboard recover 1 --force'");
        assertThat(statusWhileRefused).isEqualTo("STARTED");
        assertThat(lapsed).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("Execution 2 marked FAILED.").contains("Execution 1 marked FAILED.");
        assertThat(forced).isEqualTo(ExitCodes.COMPLETED);
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id", String.class))
                .containsExactly("FAILED", "FAILED");
    }

    @Test
    void recoverIsRefusedForARunningExecutionWithNoLeaseYetWhileItsProcessMayStillBeStartingIt(CapturedOutput output)
            throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());
        onboard(database, "import", csv("other.csv", "CUS-2,Emeka Obi,1,22100000002").toString());
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "sa", ""));
        // Execution 1 as just created by a process not yet at its first listener; execution 2 as left an hour ago.
        jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null");
        jdbc.update("update batch_job_execution set create_time = ? where job_execution_id = 1",
                Timestamp.valueOf(LocalDateTime.now()));
        jdbc.update("update batch_job_execution set create_time = ? where job_execution_id = 2",
                Timestamp.valueOf(LocalDateTime.now().minusHours(1)));

        int refused = onboard(database, "recover", "1");
        int recovered = onboard(database, "recover", "2");

        assertThat(refused).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("onboard: execution 1 is STARTED and has no lease yet")
                .contains("'./onboard recover 1 --force'");
        assertThat(recovered).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("Execution 2 marked FAILED.");
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id", String.class))
                .containsExactly("STARTED", "FAILED");
    }

    @Test
    void recoverMarksAnExecutionFailedOnlyTogetherWithItsFailedEvent(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "sa", ""));
        jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null, create_time = ?",
                Timestamp.valueOf(LocalDateTime.now().minusHours(1)));
        new FaultInjection(jdbc).refuseEvent("customer_import.failed");

        int refused = onboard(database, "recover", "1");
        String statusWhenTheEventWasRefused = jdbc.queryForObject("select status from batch_job_execution", String.class);
        new FaultInjection(jdbc).clear();
        int recovered = onboard(database, "recover", "1");

        assertThat(refused).isNotEqualTo(ExitCodes.COMPLETED);
        assertThat(statusWhenTheEventWasRefused).isEqualTo("STARTED");
        assertThat(recovered).isEqualTo(ExitCodes.COMPLETED);
        assertThat(jdbc.queryForObject("select status from batch_job_execution", String.class)).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("select event_key from webhook_event where event_type = 'customer_import.failed'",
                String.class)).containsExactly("customer_import.failed:1");
    }

    @Test
    void jobsListsImportsWithTheirCountsAndFiltersByStatus(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,No Bvn,1,").toString());
        onboard(database, "import", "--feed", "tight",
                csv("bad.csv", "CUS-1,,1,22100000001", "CUS-2,,1,22100000002", "CUS-3,,1,22100000003").toString());

        int all = onboard(database, "jobs");
        int failedOnly = onboard(database, "jobs", "--status", "failed", "--feed", "tight");

        assertThat(all).isEqualTo(ExitCodes.COMPLETED);
        assertThat(failedOnly).isEqualTo(ExitCodes.COMPLETED);
        String[] blocks = output.getOut().split("ID\\s+FEED\\s+FILE");
        assertThat(blocks).hasSize(3);
        assertThat(blocks[1]).containsPattern("^\\s+STATUS\\s+RUN\\s+STARTED\\s+DURATION\\s+READ\\s+CREATED\\s+UPDATED\\s+REJECTED")
                .containsPattern("(?m)^\\s+2\\s+tight\\s+bad\\.csv\\s+FAILED\\s")
                .containsPattern("(?m)^\\s+1\\s+demo\\s+ok\\.csv\\s+COMPLETED\\s+local\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+[\\d.]+ s\\s+2\\s+1\\s+0\\s+1$");
        assertThat(blocks[2]).contains("bad.csv").doesNotContain("ok.csv");
    }

    @Test
    void showPrintsTheStepsAndTheRejectReport(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,No Bvn,1,").toString());

        int status = onboard(database, "show", "1");

        assertThat(status).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("Execution 1 COMPLETED").containsPattern("rejected\\s+1")
                .containsPattern("reject report\\s+\\S*" + java.util.regex.Pattern.quote(dir.resolve("reports").toString()))
                .containsPattern("(?m)^\\s+prepareImport\\s+COMPLETED").containsPattern("(?m)^\\s+writeRejectReport\\s+COMPLETED")
                .containsPattern("(?m)^\\s+customerPart:\\S*\\s+COMPLETED\\s+2\\s+");
    }

    @Test
    void showGivesEachStepsOwnCountsAndListsTheWarningsMaskedAndEscaped(CapturedOutput output) throws IOException {
        String database = database();
        Path file = Files.writeString(dir.resolve("warned.csv"), HEADER + ",note\u001B[31m\n"
                + "CUS-22100000001,Ngozi Eze,1,22100000001,x\n"
                + "CUS-2,,1,22100000002,x\n"
                + "CUS-22100000001,Ngozi Eze Again,1,22100000001,x\n");
        onboard(database, "import", file.toString());

        int status = onboard(database, "show", "1");

        assertThat(status).isEqualTo(ExitCodes.COMPLETED);
        String shown = output.getOut().substring(output.getOut().indexOf("Execution 1 COMPLETED"));
        assertThat(shown).containsPattern("(?m)^\\s+STEP\\s+STATUS\\s+READ\\s+COMMITS\\s+ROLLBACKS\\s+TIME\\s+OUTCOME$")
                .containsPattern("(?m)^\\s+prepareImport\\s+COMPLETED\\s+.*\\s1 warning$")
                .containsPattern("(?m)^\\s+customerPart:\\S+\\s+COMPLETED\\s+3\\s+.*"
                        + "1 created, 1 updated, 1 rejected, 1 warning, 1 wallet opened$")
                .containsPattern("(?m)^\\s+linkConnections\\s+COMPLETED\\s+.*"
                        + "connections: 0 created, 0 already present, 0 removed, 0 rejected$")
                .doesNotContain("WRITTEN").doesNotContain("SKIPS")
                .contains("Warnings (2):")
                .contains("line 1, note\\x1b[31m: column 'note\\x1b[31m' matches no customer field")
                .contains("line 4, CUS-221******01, referenceId: referenceId CUS-221******01 is on lines 2 and 4")
                .doesNotContain("\u001B").doesNotContain("22100000001");
    }

    @Test
    void jobsShowsTheDurationOfAnExecutionWhoseProcessDiedUpToItsLastUpdateMarkedUnfinished(CapturedOutput output)
            throws Exception {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());
        try (Connection connection = DriverManager.getConnection(database, "sa", "");
             Statement statement = connection.createStatement()) {
            // What a process killed mid-import leaves: STARTED, no end, its last update long ago.
            statement.execute("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null,"
                    + " start_time = timestamp '2020-01-01 00:00:00', last_updated = timestamp '2020-01-01 00:00:05'");
            statement.execute("update batch_step_execution set last_updated = timestamp '2020-01-01 00:00:04'");
        }

        int listed = onboard(database, "jobs");
        int shown = onboard(database, "show", "1");

        assertThat(List.of(listed, shown)).containsOnly(ExitCodes.COMPLETED);
        assertThat(output.getOut()).containsPattern("(?m)^\\s+1\\s+demo\\s+ok\\.csv\\s+STARTED\\s+local\\s+2020-01-01 00:00:00\\s+5\\.0 s\\+\\s")
                .containsPattern("duration\\s+5\\.0 s\\+ \\(up to its last update; still marked STARTED\\)");
    }

    @Test
    void theRejectReportHasOneReferenceIdColumn(CapturedOutput output) throws IOException {
        onboard(database(), "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,No Bvn,1,").toString());

        List<String> report = Files.readAllLines(onlyReport());

        assertThat(report.get(0)).isEqualTo("\uFEFF\"line\",\"referenceId\",\"rejected\",\"reasons\",\"name\",\"accountTypeId\",\"bvn\"");
        assertThat(report.get(1)).startsWith("\"3\",\"CUS-2\",\"row\",").endsWith(",\"No Bvn\",\"1\",\"\"");
    }

    @Test
    @EnabledIfPostgres
    void importsOfTwoDatabasesIntoOneReportsFolderNeverOverwriteEachOthersReport(CapturedOutput output)
            throws IOException {
        String h2 = database();
        String postgres = Postgres.emptySchemaUrl("onboard_test_reports");
        Map<String, Object> postgresUser = Map.of("spring.datasource.username", Postgres.USER,
                "spring.datasource.password", Postgres.PASSWORD);
        onboard(h2, "import", csv("h2.csv", "CUS-1,Ngozi Eze,1,22100000001", "CUS-2,No Bvn On H2,1,").toString());
        onboard(postgres, postgresUser, "import",
                csv("pg.csv", "CUS-7,Emeka Obi,1,22100000007", "CUS-8,No Bvn On PostgreSQL,1,").toString());
        int h2Shown = onboard(h2, "show", "1");
        int postgresShown = onboard(postgres, postgresUser, "show", "1");

        assertThat(List.of(h2Shown, postgresShown)).containsOnly(ExitCodes.COMPLETED);
        List<String> reports = java.util.regex.Pattern.compile("reject report\\s+(\\S+)").matcher(output.getOut())
                .results().map(match -> match.group(1)).toList();
        // each import's summary, then each show, names the report it wrote
        assertThat(reports).hasSize(4);
        assertThat(reports.get(0)).isEqualTo(reports.get(2)).endsWith("rejects-1.csv");
        assertThat(reports.get(1)).isEqualTo(reports.get(3)).isNotEqualTo(reports.get(0));
        assertThat(Files.readString(Path.of(reports.get(0)))).contains("No Bvn On H2").doesNotContain("PostgreSQL");
        assertThat(Files.readString(Path.of(reports.get(1)))).contains("No Bvn On PostgreSQL").doesNotContain("H2");
    }

    @Test
    void importHelpGivesTheWritersDefaultThisRunWouldUse(CapturedOutput output) {
        int standard = onboard(database(), "import", "--help");
        int configured = onboard(database(), Map.of("onboard.writers", "3"), "import", "--help");

        assertThat(List.of(standard, configured)).containsOnly(ExitCodes.COMPLETED);
        String help = output.getOut().replaceAll("\\s+", " ");
        assertThat(help).contains("(default: 2, the setting ONBOARD_WRITERS)")
                .contains("(default: 3, the setting ONBOARD_WRITERS)").doesNotContain("onboard.writers");
    }

    @Test
    void retryingAnUnknownWebhookEventPrintsOnlyTheErrorAndExitsTwo(CapturedOutput output) {
        UUID unknown = UUID.randomUUID();

        int status = onboard(database(), "webhooks", "retry", unknown.toString());

        assertThat(status).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getOut()).isEmpty();
        assertThat(output.getErr().strip()).isEqualTo("onboard: nothing re-queued: no webhook event " + unknown);
    }

    @Test
    void anEmbeddedDatabaseRunLogsNoFlywayUpgradeAdviceButKeepsFlywayWarnings() throws IOException {
        onboard(database(), "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());

        Path log = dir.resolve("onboard.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).doesNotContain("Flyway").doesNotContain("newer than");
        assertThat(LoggerFactory.getLogger("org.flywaydb.core.internal.command.DbMigrate").isWarnEnabled()).isTrue();
    }

    @Test
    void operationsOnAnUnknownOrUnsuitableExecutionExitTwoWithOneLine(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());

        int unknown = onboard(database, "restart", "99");
        int completed = onboard(database, "restart", "1");
        int notRunning = onboard(database, "stop", "1");
        int notFailed = onboard(database, "abandon", "1");
        int unknownShow = onboard(database, "show", "99");

        assertThat(List.of(unknown, completed, notRunning, notFailed, unknownShow)).containsOnly(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("onboard: no import execution 99")
                .contains("onboard: execution 1 is COMPLETED; only a FAILED, STOPPED or UNKNOWN execution can be restarted")
                .contains("onboard: execution 1 is COMPLETED; only a STARTING or STARTED execution can be stopped")
                .contains("onboard: execution 1 is COMPLETED; only a FAILED, STOPPED or UNKNOWN execution can be abandoned")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRestartThatFailsAgainExitsOne(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", "--feed", "tight",
                csv("bad.csv", "CUS-1,,1,22100000001", "CUS-2,,1,22100000002", "CUS-3,,1,22100000003").toString());

        int status = onboard(database, "restart", "1");

        assertThat(status).isEqualTo(ExitCodes.FAILED);
        assertThat(output.getOut()).contains("Restarting execution 1: ").containsPattern("execution\\s+2 \\(job instance 1\\)")
                .contains("skip limit of 2");
    }

    @Test
    void anAbandonedImportCountsAsImported(CapturedOutput output) throws IOException {
        String database = database();
        Path file = csv("bad.csv", "CUS-1,,1,22100000001", "CUS-2,,1,22100000002", "CUS-3,,1,22100000003");
        onboard(database, "import", "--feed", "tight", file.toString());

        int abandoned = onboard(database, "abandon", "1");
        int again = onboard(database, "import", "--feed", "tight", file.toString());
        int restart = onboard(database, "restart", "1");

        assertThat(abandoned).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("Execution 1 marked ABANDONED.").contains("needs --rerun")
                .contains("bad.csv was abandoned (execution 1), so its content counts as imported; nothing to do."
                        + " Use --rerun to import it again.")
                .doesNotContain("already imported");
        assertThat(again).isEqualTo(ExitCodes.COMPLETED);
        assertThat(restart).isEqualTo(ExitCodes.UNUSABLE);
    }

    @Test
    void anInvalidInvocationExitsTwo(CapturedOutput output) {
        int unknownOption = onboard(database(), "import", "--frobnicate", "x.csv");
        int unknownFeed = onboard(database(), "import", "--feed", "nosuchfeed", "x.csv");

        assertThat(unknownOption).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(unknownFeed).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("Unknown option: '--frobnicate'").contains("No feed named 'nosuchfeed'");
    }

    @Test
    void aFeedNameOrWriterCountThatCannotBeIsRefusedOnOneLineBeforeAnythingIsRead(CapturedOutput output) {
        String missingFile = dir.resolve("missing.csv").toString();

        int climbing = onboard(database(), "import", "--feed", "../../x", missingFile);
        int letters = onboard(database(), "import", "--writers", "abc", missingFile);
        int none = onboard(database(), "import", "--writers", "0", missingFile);

        assertThat(List.of(climbing, letters, none)).containsOnly(ExitCodes.UNUSABLE);
        assertThat(output.getErr().lines().toList()).containsExactly(
                "onboard: Invalid value for option '--feed': '../../x': a feed's name is lower-case letters,"
                        + " digits, '-' and '_', starting with a letter or a digit (see ./onboard import --help)",
                "onboard: Invalid value for option '--writers': 'abc': must be a whole number, 1 or more"
                        + " (see ./onboard import --help)",
                "onboard: Invalid value for option '--writers': '0': must be a whole number, 1 or more"
                        + " (see ./onboard import --help)");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void webhooksAreDeliveredListedAndRequeuedFromTheCommandLine(CapturedOutput output) throws Exception {
        String database = database();
        String secret = "whsec_" + Base64.getEncoder().encodeToString("a test secret of 32 bytes, exact".getBytes());
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> endpoint = Map.of("DEMO_WEBHOOK_URL", receiver.url(), "DEMO_WEBHOOK_SECRET", secret);

            int delivered = onboard(database, endpoint, "webhooks", "deliver");
            int listed = onboard(database, endpoint, "webhooks", "list", "--status", "delivered");
            int health = onboard(database, endpoint, "webhooks", "endpoints");
            int unknown = onboard(database, endpoint, "webhooks", "retry", UUID.randomUUID().toString());

            assertThat(delivered).isEqualTo(ExitCodes.COMPLETED);
            assertThat(receiver.received()).hasSize(2);
            assertThat(listed).isEqualTo(ExitCodes.COMPLETED);
            assertThat(health).isEqualTo(ExitCodes.COMPLETED);
            assertThat(unknown).isEqualTo(ExitCodes.UNUSABLE);
            assertThat(output.getOut()).contains("Webhooks: 2 delivered, 0 to retry later, 0 failed after their last attempt.")
                    .contains("reserve_virtual_account.success").contains("customer_import.completed")
                    .contains("endpoint:   " + receiver.url() + " (DEMO_WEBHOOK_URL)")
                    .contains("circuit:    closed")
                    .contains("events:     0 pending, 2 delivered, 0 failed");
            assertThat(output.getErr()).contains("no webhook event");
        }
    }

    @Test
    void withoutAWebhookUrlDeliverSendsNothingAndSaysTheEventsStayQueued(CapturedOutput output) throws IOException {
        String database = database();
        onboard(database, "import", csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001").toString());

        int status = onboard(database, "webhooks", "deliver");

        assertThat(status).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.getOut()).contains("Webhooks: 0 delivered")
                .contains("Demo Microfinance Bank (feeds ").contains("2 events held: DEMO_WEBHOOK_URL is not set: events stay queued.");
    }

    @Test
    void theDefaultEmbeddedDatabaseOpensWhereOnboardHomeSays(CapturedOutput output) throws IOException {
        Path file = csv("ok.csv", "CUS-1,Ngozi Eze,1,22100000001");

        int status = onboard(null, Map.of("onboard.home", dir.toString()), "import", file.toString());

        assertThat(status).isEqualTo(ExitCodes.COMPLETED);
        assertThat(dir.resolve("data").resolve("onboard.mv.db")).exists();
    }

    private Path onlyReport() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("reports"))) {
            List<Path> reports = files.filter(Files::isRegularFile).toList();
            assertThat(reports).hasSize(1);
            return reports.get(0);
        }
    }

    private Path csv(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private static String database() {
        return "jdbc:h2:mem:cli-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
    }

    private int onboard(String database, String... args) {
        return onboard(database, Map.of(), args);
    }

    /** Runs {@code ./onboard} with these arguments, and these variables as if they were in the environment. */
    private int onboard(String database, Map<String, Object> variables, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> properties = new HashMap<>(variables);
        if (database != null) {
            properties.put("spring.datasource.url", database);
        }
        properties.putAll(Map.of(
                "onboard.feeds-directory", TestFeeds.DIRECTORY.toString(),
                "onboard.reports-directory", dir.resolve("reports").toString(),
                "onboard.log-file", dir.resolve("onboard.log").toString()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return SpringApplication.exit(new SpringApplicationBuilder(OnboardingApplication.class)
                .environment(environment)
                .run(args));
    }
}
