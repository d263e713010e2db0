package org.onboarding.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onboarding.file.RowPartition;
import org.onboarding.job.ImportRequest;
import org.onboarding.sample.SampleFileGenerator;
import org.onboarding.testsupport.ChildOnboard;
import org.onboarding.testsupport.CuttableTcpProxy;
import org.onboarding.testsupport.CustomerWriteGate;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.Postgres;
import org.onboarding.testsupport.TableSnapshot;
import org.onboarding.testsupport.TestFeeds;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    DataSource dataSource;
    private static final Path FILE = Path.of("target", "remote-import.csv").toAbsolutePath();

    /**
     * A queue of this run's own: parts left by another run never reach these workers. Letters only: a
     * run of digits in a log line is masked as if it were an identity.
     */
    private final String queue = "onboard-test-" + ThreadLocalRandom.current().ints(16, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
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
        // The part taken over ran from its first worker's start, the lapse of that worker's 3 s lease included.
        assertThat(out("show")).containsPattern("customerPart:part\\d\\s+COMPLETED\\s.*\\s([3-9]|\\d\\d+)\\.\\d s\\s.*"
                + "on w1-\\S+ then w2-").contains("on w2-");
        assertThat(onboard(null, "jobs").waitFor()).isZero();
        assertThat(out("jobs")).containsPattern("(?m)^\\s+" + execution
                + "\\s+demo\\s+remote-import.csv\\s+COMPLETED\\s+remote\\s");
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWorkerAskedToStopHandsItsPartBackAtAChunkBoundaryAndTheOtherResumesIt() throws Exception {
        TableSnapshot local = localRun();

        Process first = onboard("w1", "worker");
        onboard("w2", "worker");
        awaitLine("w1", "taking parts");
        awaitLine("w2", "taking parts");
        Process importing = onboard(null, "import", "--remote", "--parts", "4", FILE.toString());
        CustomerWriteGate.install(jdbc);
        try {
            // Held mid-part by the gate, the first worker is asked to stop; then its chunk goes on.
            await(() -> holdsAPart("w1") && committedChunksOf("w1") > 0, Duration.ofSeconds(120));
            CustomerWriteGate held = CustomerWriteGate.shut(dataSource);
            try {
                while (!holdsAPart("w1")) {
                    // Its part ended as the gate shut: the next one it takes is held instead.
                    held.close();
                    await(() -> holdsAPart("w1"), Duration.ofSeconds(120));
                    held = CustomerWriteGate.shut(dataSource);
                }
                first.destroy();
                Thread.sleep(500);
            } finally {
                held.close();
            }
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as(out("w1")).isTrue();
        } finally {
            CustomerWriteGate.remove(jdbc);
        }

        assertThat(importing.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isZero();
        assertThat(out("w1")).containsPattern("ended part customerPart:part\\d of import \\d+: STOPPED");
        assertThat(out("w2")).contains("resuming after");
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where rollback_count > 0",
                Long.class)).as("stopped at a chunk boundary, nothing rolled back").isZero();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(local);
    }

    @Test
    void anOperatorStoppingARemoteImportStopsItsPartsOnTheirWorkersAndItRestartsToTheStateOfALocalImport()
            throws Exception {
        TableSnapshot local = localRun();

        onboard("w1", "worker");
        awaitLine("w1", "taking parts");
        Process importing = onboard(null, "import", "--remote", "--parts", "4", FILE.toString());
        await(() -> committedChunksOf("w1") > 0, Duration.ofSeconds(120));
        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        CustomerWriteGate.install(jdbc);
        try (CustomerWriteGate held = CustomerWriteGate.shut(dataSource)) {
            Process stop = onboard(null, "stop", Long.toString(execution));
            assertThat(stop.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(stop.exitValue()).as(out("stop")).isZero();
        } finally {
            CustomerWriteGate.remove(jdbc);
        }

        assertThat(importing.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, execution)).isEqualTo("STOPPED");
        assertThat(jdbc.queryForList("""
                select distinct status from batch_step_execution
                where job_execution_id = ? and step_name like 'customerPart:%'""", String.class, execution))
                .as("parts that were running stopped, and the ones waiting never ran").containsOnly("STOPPED");

        Process again = onboard(null, "import", "--remote", FILE.toString());
        assertThat(again.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(again.exitValue()).as(out("import")).isZero();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(local);
    }

    /**
     * The database refuses one customer of one part (a trigger raising an error, as an outage of that
     * write would): that part fails on its worker, the others run to their end, the import ends FAILED, and
     * importing the file again runs only the failed part, from its last committed chunk.
     */
    @Test
    void aPartThatFailsOnItsWorkerFailsTheImportAndTheRestartRunsOnlyThatPart() throws Exception {
        TableSnapshot local = localRun();
        String refused = "CUS-0030000";
        int failingPart = RowPartition.of(refused, 4);
        new FaultInjection(jdbc).failAt(refused);
        onboard("w1", "worker");
        awaitLine("w1", "taking parts");

        Process importing = onboard(null, "import", "--remote", "--parts", "4", FILE.toString());

        assertThat(importing.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(1);
        // The failure is told as the database worded it, its run of digits masked as the summary masks any.
        assertThat(out("import")).contains("FAILED")
                .contains("customerPart:part" + failingPart + ": ERROR: injected fault writing CUS-003**00");
        assertThat(jdbc.queryForList("""
                select step_name from batch_step_execution where step_name like 'customerPart:%' and status = 'FAILED'""",
                String.class)).containsExactly("customerPart:part" + failingPart);
        assertThat(jdbc.queryForObject("""
                select count(*) from batch_step_execution where step_name like 'customerPart:%' and status = 'COMPLETED'""",
                Long.class)).as("the other parts ran to their end").isEqualTo(3);

        new FaultInjection(jdbc).clear();
        Process again = onboard(null, "import", "--remote", FILE.toString());
        assertThat(again.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(again.exitValue()).as(out("import")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where step_name like 'customerPart:%'",
                Long.class)).as("only the failed part ran again").isEqualTo(5);
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(local);
    }

    /**
     * The database taken away from the only worker mid-part (its connections cut, new ones refused, as a
     * lost network would): the worker cannot record anything, its lease lapses, and the import ends FAILED
     * after the wait instead of waiting for ever; with a worker that reaches the database, importing the
     * file again completes it.
     */
    @Test
    void aWorkerThatLosesTheDatabaseMidPartFailsTheImportWithinTheWaitAndAnotherWorkerCompletesItsRestart()
            throws Exception {
        TableSnapshot local = localRun();
        Matcher server = Pattern.compile("//([^:/]+):(\\d+)/").matcher(Postgres.freshSchemaUrl());
        assertThat(server.find()).isTrue();
        try (CuttableTcpProxy proxy = new CuttableTcpProxy(server.group(1), Integer.parseInt(server.group(2)))) {
            onboard("w1", Map.of("SPRING_DATASOURCE_URL", Postgres.freshSchemaUrl().replaceFirst("//[^/]+/",
                    "//127.0.0.1:" + proxy.port() + "/")), "worker");
            awaitLine("w1", "taking parts");
            Process importing = onboard(null, Map.of("ONBOARD_REMOTE_WORKER_WAIT", "5s"),
                    "import", "--remote", "--parts", "2", FILE.toString());
            await(() -> committedChunksOf("w1") > 0, Duration.ofSeconds(120));
            proxy.cut();

            assertThat(importing.waitFor(120, TimeUnit.SECONDS)).as(out("import")).isTrue();
            assertThat(importing.exitValue()).as(out("import")).isEqualTo(1);
            assertThat(out("import")).contains("FAILED").contains("within 5 s (onboard.remote.worker-wait)");
        }
        onboard("w2", "worker");
        Process again = onboard(null, "import", "--remote", FILE.toString());
        assertThat(again.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(again.exitValue()).as(out("import")).isZero();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(local);
    }

    @Test
    void theImportingProcessKilledWhileWorkersRunIsRecoveredAndRestartedWithoutRedoingTheirParts() throws Exception {
        TableSnapshot local = localRun();

        onboard("w1", "worker");
        onboard("w2", "worker");
        awaitLine("w1", "taking parts");
        awaitLine("w2", "taking parts");
        Process importing = onboard(null, "import", "--remote", "--parts", "8", FILE.toString());
        await(() -> committedChunksOf("w1") + committedChunksOf("w2") > 0, Duration.ofSeconds(120));
        importing.destroyForcibly();
        importing.waitFor();
        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);

        // Held mid-part by the gate, the workers still hold their parts once the importing process's lease lapsed.
        CustomerWriteGate.install(jdbc);
        try (CustomerWriteGate held = CustomerWriteGate.shut(dataSource)) {
            Thread.sleep(4_000);
            Process refused = onboard(null, "recover", Long.toString(execution));
            assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as(out("recover")).isEqualTo(2);
            assertThat(out("recover")).containsPattern("held by w[12]-");
        } finally {
            CustomerWriteGate.remove(jdbc);
        }
        // The workers finish every part on their own; the import stays marked STARTED meanwhile.
        await(() -> partsCompleted(execution) == 8, Duration.ofSeconds(180));
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, execution)).isEqualTo("STARTED");
        Process recover = onboard(null, "recover", Long.toString(execution));
        assertThat(recover.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(recover.exitValue()).as(out("recover")).isZero();
        Process restart = onboard(null, "restart", Long.toString(execution));
        assertThat(restart.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertThat(restart.exitValue()).as(out("restart")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where step_name like 'customerPart:%'",
                Long.class)).as("no part ran twice").isEqualTo(8);
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(local);
    }

    @Test
    void aPartWhoseFileIsNotTheImportedContentFailsOnItsWorkerAndTheImportRestartsOnceTheFileIsBack()
            throws Exception {
        TableSnapshot local = localRun();
        Path file = Files.copy(FILE, dir.resolve("changed.csv"));
        byte[] content = Files.readAllBytes(file);

        Process importing = onboard(null, Map.of("ONBOARD_REMOTE_WORKER_WAIT", "120s"),
                "import", "--remote", "--parts", "2", file.toString());
        await(() -> jdbc.queryForObject("select count(*) from batch_step_execution where step_name like 'customerPart:%'",
                Long.class) == 2, Duration.ofSeconds(120));
        Files.writeString(file, "CUS-LATE,Late Comer,1,,,,,,,,,\n", StandardOpenOption.APPEND);
        onboard("w1", "worker");

        assertThat(importing.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(1);
        assertThat(out("import")).contains("FAILED").contains("is not the content the import inspected");
        assertThat(out("w1")).contains("failed part customerPart:part");

        Files.write(file, content);
        Process again = onboard(null, "import", "--remote", file.toString());
        assertThat(again.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(again.exitValue()).as(out("import")).isZero();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(local);
    }

    /**
     * Three nameless rows, two in one part and one in the other, against the tight feed's skip limit of 2:
     * neither part passes it alone, each runs on a worker of its own, and the import fails all the same.
     */
    @Test
    void workersOnDifferentPartsHoldTheFeedsSkipLimitTogether() throws Exception {
        int[] rejectedInPart = new int[2];
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 40; i++) {
            int part = RowPartition.of("CUS-" + i, 2);
            boolean reject = i > 20 && rejectedInPart[part] < 2 - part;
            rejectedInPart[part] += reject ? 1 : 0;
            lines.add("CUS-" + i + "," + (reject ? "" : "Customer " + i) + ",1," + String.format("221%08d", i)
                    + ",,,,,,,,");
        }
        Path file = Files.write(dir.resolve("tight.csv"), lines);
        Map<String, String> smallChunks = Map.of("ONBOARD_CHUNK_SIZE", "4");
        onboard("w1", smallChunks, "worker");
        onboard("w2", smallChunks, "worker");
        awaitLine("w1", "taking parts");
        awaitLine("w2", "taking parts");

        Process importing = onboard(null, smallChunks, "import", "--feed", "tight", "--remote", "--parts", "2",
                file.toString());

        assertThat(importing.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(rejectedInPart).containsExactly(2, 1);
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(1);
        assertThat(out("import")).contains("FAILED").contains("skip limit of 2");
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where step_name like 'customerPart:%'",
                Long.class)).isEqualTo(2);
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
    void aServiceSetToImportRemotelyRunsTheFilesDroppedInItsInboxOnWorkers() throws Exception {
        Path base = dir.resolve("service");
        Path inbox = Files.createDirectories(base.resolve("inbox").resolve("demo"));
        onboard("w1", "worker", "--concurrency", "2");
        awaitLine("w1", "taking parts");
        onboard(null, Map.of("ONBOARD_SERVE_REMOTE_IMPORTS", "true", "ONBOARD_INBOX_BASE_DIRECTORY", base.toString(),
                "ONBOARD_INBOX_QUIET_PERIOD", "0s", "ONBOARD_INBOX_POLL_INTERVAL", "200ms", "SERVER_PORT", "0"), "serve");
        awaitLine("serve", "Serving as");

        Files.move(Files.copy(FILE, inbox.resolve("customers.csv.part")), inbox.resolve("customers.csv"));

        Path processed = base.resolve("processed").resolve("demo");
        await(() -> Files.isDirectory(processed) && processed.toFile().list().length == 1, Duration.ofSeconds(180));
        assertThat(processed.toFile().list()[0]).as(out("serve")).startsWith("customers.exec-");
        assertThat(out("w1")).contains("taking parts from queue " + queue + ", 2 at a time")
                .contains("started part customerPart:part0").contains("ended part customerPart:part7");
        assertThat(out("w1").lines().skip(1).limit(2)).as("two parts at a time").allMatch(line -> line.contains("started"));
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("""
                select count(*) from batch_job_execution_params where parameter_name = 'remote' and parameter_value = 'true'""",
                Long.class)).isEqualTo(1);
    }

    @Test
    void aWorkerGivenAPortServesItsHealthForProbes() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        onboard("w1", Map.of("SERVER_PORT", Integer.toString(port)), "worker");
        awaitLine("w1", "taking parts");

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/worker")).build(), BodyHandlers.ofString());

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"parts\"").contains("\"rabbit\"")
                .contains("\"db\"").doesNotContain(queue);
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
    void aWorkerOnAnotherDatabaseSendsThePartsBackForAWorkerThatHasIt() throws Exception {
        onboard("stray", Map.of("SPRING_DATASOURCE_URL", Postgres.emptySchemaUrl("onboard_stray")), "worker");
        awaitLine("stray", "taking parts");
        Process importing = onboard(null, "import", "--remote", "--parts", "2", FILE.toString());
        awaitLine("stray", "is not in this worker's database");
        onboard("w1", "worker");

        assertThat(importing.waitFor(180, TimeUnit.SECONDS)).as(out("import")).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(ROWS);
        assertThat(out("stray")).doesNotContain("started part");
    }

    @Test
    void partsAreForARemoteImportAndWritersForALocalOne() throws Exception {
        Process parts = onboard(null, "import", "--parts", "4", FILE.toString());
        assertThat(parts.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(parts.exitValue()).as(out("import")).isEqualTo(2);
        assertThat(out("import")).contains("--parts needs --remote; a local import takes --writers");

        Process writers = onboard(null, "import", "--remote", "--writers", "2", FILE.toString());
        assertThat(writers.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(writers.exitValue()).as(out("import")).isEqualTo(2);
        assertThat(out("import")).contains("--writers is for a local import; a remote one takes --parts");
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isZero();
    }

    @Test
    void remoteImportsAndWorkersNeedTheSharedDatabaseNotTheEmbeddedOne() throws Exception {
        Map<String, String> embedded = Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("onboard")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE");
        Process importing = onboard(null, embedded, "import", "--remote", FILE.toString());

        assertThat(importing.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(importing.exitValue()).as(out("import")).isEqualTo(2);
        assertThat(out("import")).contains("--remote needs a database the workers share");

        Process worker = onboard(null, embedded, "worker");
        assertThat(worker.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).as(out("worker")).isEqualTo(2);
        assertThat(out("worker")).contains("a worker needs the database of the imports it runs parts of");
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

    private boolean holdsAPart(String worker) {
        return jdbc.queryForObject("select count(*) from import_part_lease where instance_id like ?", Long.class,
                worker + "-%") > 0;
    }

    private long partsCompleted(long execution) {
        return jdbc.queryForObject("""
                select count(*) from batch_step_execution
                where job_execution_id = ? and step_name like 'customerPart:%' and status = 'COMPLETED'""",
                Long.class, execution);
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
