package org.onboarding.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.ChildOnboard;
import org.onboarding.testsupport.DatabaseScenario;
import org.onboarding.testsupport.Postgres;
import org.onboarding.testsupport.PostgresOnboardingTest;
import org.onboarding.testsupport.TestFeeds;
import org.onboarding.testsupport.WebhookReceiver;
import org.onboarding.testsupport.WebhookReceiver.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Broken endpoints against the real thing: {@code ./onboard webhooks deliver} and {@code ./onboard
 * serve} in JVMs of their own, on PostgreSQL, with one organisation's endpoint on loopback streaming
 * an endless body or never answering. The command ends within its timeouts with every attempt
 * recorded, SIGTERM ends it, and under the service the other organisation's events go out meanwhile.
 */
@PostgresOnboardingTest
class PostgresStuckEndpointTest extends DatabaseScenario {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a test secret of 32 bytes, exact".getBytes());
    private static final UUID DEMO = UUID.fromString(TestFeeds.ORGANIZATION_ID);
    private static final UUID OTHER = UUID.fromString(TestFeeds.OTHER_ORGANIZATION_ID);

    @Autowired
    WebhookOutbox outbox;

    @Test
    void deliverEndsWithinItsTimeoutAgainstAnEndlessBodyAndAnEndpointThatNeverAnswersWithEveryAttemptRecorded()
            throws Exception {
        try (WebhookReceiver endless = new WebhookReceiver(); WebhookReceiver silent = new WebhookReceiver()) {
            endless.answer(request -> Answer.endless(500));
            silent.answer(request -> Answer.never());
            queue(DEMO, 3);
            queue(OTHER, 3);

            long started = System.nanoTime();
            Process deliver = onboard(Map.of("DEMO_WEBHOOK_URL", endless.url(), "OTHER_WEBHOOK_URL", silent.url(),
                    "ONBOARD_WEBHOOKS_TIMEOUT", "3s"), "webhooks", "deliver");
            boolean ended = deliver.waitFor(90, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (!ended) {
                deliver.destroyForcibly().waitFor();
            }

            assertThat(ended).as(output("webhooks")).isTrue();
            assertThat(deliver.exitValue()).as(output("webhooks")).isZero();
            assertThat(took).as("a JVM's start, one 3 s timeout, and its end").isLessThan(Duration.ofSeconds(60));
            assertThat(output("webhooks")).contains("Webhooks: 0 delivered, 6 to retry later, 0 failed");
            assertThat(attempts(DEMO)).hasSize(3).allSatisfy(attempt -> assertThat(attempt)
                    .startsWith("500|HTTP 500: upstream failure for caller 080******67; "));
            assertThat(attempts(OTHER)).containsExactly("|timed out after 3000 ms", "|timed out after 3000 ms",
                    "|timed out after 3000 ms");
            assertThat(endless.awaitAllClosed(Duration.ofSeconds(5))).as("the endless bodies' connections closed").isTrue();
        }
    }

    @Test
    void sigtermEndsADeliverWaitingOnAnEndpointThatNeverAnswers() throws Exception {
        try (WebhookReceiver silent = new WebhookReceiver()) {
            silent.answer(request -> Answer.never());
            queue(OTHER, 2);

            Process deliver = onboard(Map.of("OTHER_WEBHOOK_URL", silent.url(), "ONBOARD_WEBHOOKS_TIMEOUT", "10m"),
                    "webhooks", "deliver");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (silent.received().size() < 2 && deliver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(silent.received()).as(output("webhooks")).hasSize(2);
            deliver.destroy();
            boolean ended = deliver.waitFor(20, TimeUnit.SECONDS);
            if (!ended) {
                deliver.destroyForcibly().waitFor();
            }

            assertThat(ended).as("ended by SIGTERM within 20 s: " + output("webhooks")).isTrue();
        }
    }

    @Test
    void underServeTheOtherOrganisationsEventsAreDeliveredWhileOneEndpointNeverAnswers() throws Exception {
        try (WebhookReceiver silent = new WebhookReceiver(); WebhookReceiver healthy = new WebhookReceiver()) {
            silent.answer(request -> Answer.never());
            queue(DEMO, 12);
            queue(OTHER, 5);

            Process serve = onboard(Map.of("DEMO_WEBHOOK_URL", silent.url(), "OTHER_WEBHOOK_URL", healthy.url(),
                    "ONBOARD_WEBHOOKS_TIMEOUT", "30s", "ONBOARD_SERVE_WEBHOOK_INTERVAL", "200ms"), "serve");
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!output("serve").contains("Serving as") && serve.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(output("serve")).contains("Serving as");
                long serving = System.nanoTime();
                while (delivered(OTHER) < 5 && System.nanoTime() - serving < Duration.ofSeconds(20).toNanos()) {
                    Thread.sleep(50);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - serving);

                assertThat(delivered(OTHER)).as("the other organisation's events delivered, " + took).isEqualTo(5);
                assertThat(took).as("well before the silent endpoint's 30 s timeout").isLessThan(Duration.ofSeconds(20));
                assertThat(attempts(DEMO)).as("the silent endpoint's attempts, still waiting").isEmpty();
                assertThat(silent.received()).as("requests to the silent endpoint at once").hasSize(5);
            } finally {
                serve.destroy();
                if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                    serve.destroyForcibly().waitFor();
                }
            }
        }
    }

    private void queue(UUID organization, int count) {
        outbox.queue(IntStream.range(0, count).mapToObj(n -> new QueuedEvent(organization, "test.event",
                "test.event:" + organization + ":" + n, "{\"event\":\"test.event\",\"data\":{\"n\":" + n + "}}", null))
                .toList());
        jdbc.update("update webhook_event set next_attempt_at = current_timestamp - interval '1 minute'");
    }

    private long delivered(UUID organization) {
        return jdbc.queryForObject("select count(*) from webhook_event where organization_id = ? and status = 'DELIVERED'",
                Long.class, organization);
    }

    /** Each attempt of the organisation's events, as {@code status|error}. */
    private List<String> attempts(UUID organization) {
        return jdbc.queryForList("""
                select concat(a.status_code, '|', a.error) from webhook_attempt a join webhook_event e on e.id = a.event_id
                where e.organization_id = ? order by a.id""", String.class, organization);
    }

    private String output(String command) {
        try {
            Path out = dir.resolve(command + ".out");
            return Files.exists(out) ? Files.readString(out) : "";
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** {@code ./onboard} in a JVM of its own, on the tests' database and feeds, with both organisations' secrets. */
    private Process onboard(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ChildOnboard.command("192m", args))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(args[0] + ".out").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ONBOARD_") && !name.startsWith("ONBOARD_TEST_")
                || name.startsWith("SPRING_") || name.startsWith("SERVER_") || name.endsWith("_WEBHOOK_URL"));
        env.put("SPRING_DATASOURCE_URL", Postgres.freshSchemaUrl());
        env.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        env.put("ONBOARD_FEEDS_DIRECTORY", TestFeeds.DIRECTORY.toAbsolutePath().toString());
        env.put("ONBOARD_REPORTS_DIRECTORY", dir.resolve("reports").toString());
        env.put("ONBOARD_LOG_FILE", dir.resolve("onboard.log").toString());
        env.put("ONBOARD_HOME", dir.toString() + File.separator);
        env.put("ONBOARD_INBOX_BASE_DIRECTORY", dir.resolve("service").toString());
        env.put("ONBOARD_INSTANCE_NAME", "stuck-endpoint-test");
        env.put("SERVER_PORT", "0");
        env.put("DEMO_WEBHOOK_SECRET", SECRET);
        env.put("OTHER_WEBHOOK_SECRET", SECRET);
        env.putAll(environment);
        return builder.start();
    }
}
