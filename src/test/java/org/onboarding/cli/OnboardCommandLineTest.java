package org.onboarding.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.OnboardingApplication;
import org.onboarding.testsupport.TestFeeds;
import org.onboarding.testsupport.WebhookReceiver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

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
    void anInvalidInvocationExitsTwo(CapturedOutput output) {
        int unknownOption = onboard(database(), "import", "--frobnicate", "x.csv");
        int unknownFeed = onboard(database(), "import", "--feed", "nosuchfeed", "x.csv");

        assertThat(unknownOption).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(unknownFeed).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(output.getErr()).contains("Unknown option: '--frobnicate'").contains("No feed named 'nosuchfeed'");
    }

    @Test
    void webhooksAreDeliveredListedAndRequeuedFromTheCommandLine(CapturedOutput output) throws Exception {
        String database = database();
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("a test secret of 32 bytes, exact".getBytes());
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
        Map<String, Object> properties = new java.util.HashMap<>(variables);
        properties.putAll(Map.of(
                "spring.datasource.url", database,
                "onboard.feeds-directory", TestFeeds.DIRECTORY.toString(),
                "onboard.reports-directory", dir.resolve("reports").toString(),
                "onboard.log-file", dir.resolve("onboard.log").toString()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return SpringApplication.exit(new SpringApplicationBuilder(OnboardingApplication.class)
                .environment(environment)
                .run(args));
    }
}
