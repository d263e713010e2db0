package org.onboarding.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onboarding.job.ImportRequest;
import org.onboarding.sample.SampleFileGenerator;
import org.onboarding.testsupport.ChildOnboard;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.Postgres;
import org.onboarding.testsupport.TableSnapshot;
import org.onboarding.testsupport.TestFeeds;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Remote imports with real processes: {@code ./onboard import --remote} and {@code ./onboard worker}
 * in JVMs of their own, through the machine's RabbitMQ (a queue of this test's own), on the tests'
 * PostgreSQL. Whatever happens to a worker or to the broker, the import must end with exactly the
 * tables a local import of the same file leaves, or fail restartable within a bounded time.
 */
@EnabledIfPostgres
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports"})
class PostgresRemoteImportTest extends ImportScenario {

    private static final int ROWS = 40_000;
    private static final Path FILE = Path.of("target", "remote-import.csv").toAbsolutePath();

    /** A queue of this run's own: parts left by another run never reach these workers. */
    private final String queue = "onboard-test-" + UUID.randomUUID();
    private final List<Process> started = new ArrayList<>();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }

    @BeforeAll
    static void sampleFile() throws Exception {
        new SampleFileGenerator().write(FILE, ROWS, 11);
    }

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : started) {
            child.destroyForcibly();
            child.waitFor();
        }
        new ProcessBuilder("rabbitmqctl", "delete_queue", queue).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void aWorkerKilledMidPartIsTakenOverByTheOtherAndTheImportEndsAsALocalImportDoes() throws Exception {
        TableSnapshot local = localRun();

        Process first = onboard("w1", "worker");
        Process second = onboard("w2", "worker");
        awaitLine("w1", "taking parts");
        awaitLine("w2", "taking parts");
        Process importing = onboard(null, "import", "--remote", "--parts", "8", FILE.toString());
        // The first worker is killed once it has committed some of a part, and before the import is done.
        await(() -> committedChunksOf("w1") > 0, Duration.ofSeconds(120));
        first.destroyForcibly();
        first.waitFor();

        assertThat(importing.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isZero();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(local);
        assertThat(out("w2")).contains("taking it over once its lease lapses").contains("resuming after");

        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        assertThat(onboard(null, "show", Long.toString(execution)).waitFor()).as(out("show")).isZero();
        assertThat(out("show")).containsPattern("customerPart:part\\d.*on w1-\\S+ then w2-")
                .contains("on w2-");
        assertThat(onboard(null, "jobs").waitFor()).isZero();
        assertThat(out("jobs")).containsPattern("(?m)^\\s+" + execution
                + "\\s+demo\\s+remote-import.csv\\s+COMPLETED\\s+remote\\s");
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withNoWorkerListeningTheImportSaysSoAndFailsRestartableAfterTheWait() throws Exception {
        Process importing = onboard(null, Map.of("ONBOARD_REMOTE_WORKER_WAIT", "3s"),
                "import", "--remote", "--parts", "2", FILE.toString());

        assertThat(importing.waitFor(120, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(1);
        assertThat(out("import")).contains("No worker is listening on queue " + queue)
                .contains("FAILED")
                .contains("no worker listened on queue " + queue + " within 3 s");
        assertThat(jdbc.queryForObject("select status from batch_job_execution", String.class)).isEqualTo("FAILED");

        // A worker joins, and importing the file again restarts the failed parts on it.
        onboard("w1", "worker");
        Process again = onboard(null, "import", "--remote", FILE.toString());
        assertThat(again.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(again.exitValue()).as(out("import")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(ROWS);
    }

    @Test
    void aBrokerThatDoesNotAnswerIsOneLineAndExitStatus1AndNothingIsWritten() throws Exception {
        Process importing = onboard(null, Map.of("SPRING_RABBITMQ_PORT", "1"),
                "import", "--remote", FILE.toString());

        assertThat(importing.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(1);
        assertThat(out("import").strip()).startsWith("onboard: cannot reach the message broker at ")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(out("import").strip().lines()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isZero();
    }

    @Test
    void remoteNeedsTheSharedDatabaseNotTheEmbeddedOne() throws Exception {
        Process importing = onboard(null, Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("onboard")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE"),
                "import", "--remote", FILE.toString());

        assertThat(importing.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(2);
        assertThat(out("import")).contains("--remote needs a database the workers share");
    }

    private TableSnapshot localRun() throws Exception {
        assertThat(launcher.launch(new ImportRequest(FILE, "demo", null, false)).summary().status())
                .isEqualTo(BatchStatus.COMPLETED);
        TableSnapshot snapshot = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);
        return snapshot;
    }

    /** Chunks committed by parts whose context names the worker. */
    private long committedChunksOf(String worker) {
        return jdbc.queryForObject("""
                select coalesce(sum(s.commit_count), 0) from batch_step_execution s
                join batch_step_execution_context c on c.step_execution_id = s.step_execution_id
                where s.step_name like 'customerPart:%' and c.short_context like ?""", Long.class,
                "%" + worker + "-%");
    }

    private void awaitLine(String name, String text) throws Exception {
        await(() -> out(name).contains(text), Duration.ofSeconds(120));
    }

    private static void await(BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + patience).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String out(String name) {
        try {
            Path file = dir.resolve(name + ".out");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Process onboard(String worker, String... args) throws Exception {
        return onboard(worker, Map.of(), args);
    }

    /** {@code ./onboard} in a JVM of its own on the tests' database and this test's queue; a worker is named. */
    private Process onboard(String worker, Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ChildOnboard.command("384m", args))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve((worker == null ? args[0] : worker) + ".out").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", Postgres.freshSchemaUrl());
        env.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        env.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "6");
        env.put("ONBOARD_FEEDS_DIRECTORY", TestFeeds.DIRECTORY.toAbsolutePath().toString());
        env.put("ONBOARD_REPORTS_DIRECTORY", dir.resolve("reports").toString());
        env.put("ONBOARD_LOG_FILE", dir.resolve("onboard.log").toString());
        env.put("ONBOARD_HOME", dir.toString() + File.separator);
        env.put("ONBOARD_REMOTE_QUEUE", queue);
        env.put("ONBOARD_REMOTE_POLL", "200ms");
        // A short lease: a killed worker's part is taken over 3 s after it died.
        env.put("ONBOARD_INSTANCE_LEASE", "3s");
        if (worker != null) {
            env.put("ONBOARD_WORKER_NAME", worker);
        }
        env.putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }
}
