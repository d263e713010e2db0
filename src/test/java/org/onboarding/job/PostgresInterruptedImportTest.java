package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onboarding.operations.ImportExecutions;
import org.onboarding.sample.SampleFileGenerator;
import org.onboarding.testsupport.ChildOnboard;
import org.onboarding.testsupport.CustomerWriteGate;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.EnabledIfPostgres;
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
 * Imports interrupted for real, in the middle of the file: {@code ./onboard import} runs in a child
 * JVM, which is killed (SIGKILL, as a power loss would), asked to stop (SIGTERM, as Ctrl-C or a
 * service manager would), or stopped by an operator from another process; or {@code ./onboard serve}
 * is killed or stopped while importing a dropped file. Recovered where needed and restarted, the
 * import must end with exactly the tables of an uninterrupted run.
 */
@EnabledIfPostgres
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports"})
class PostgresInterruptedImportTest extends ImportScenario {

    @Autowired
    ImportExecutions executions;

    @Autowired
    DataSource dataSource;

    private static final int ROWS = 30_000;
    private static final Path FILE = Path.of("target", "interrupted-import.csv").toAbsolutePath();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }

    @BeforeAll
    static void sampleFile() throws Exception {
        new SampleFileGenerator().write(FILE, ROWS, 7);
    }

    @Test
    void aKilledImportIsRecoveredThenRestartedToTheStateOfAnUninterruptedRun() throws Exception {
        TableSnapshot uninterrupted = uninterruptedRun();

        Process child = importUnderWay();
        child.destroyForcibly();
        child.waitFor();
        long customersAtKill = customers();
        ImportOutcome stillMarkedRunning = run();
        // recover refuses while the killed process's 3 s lease is live: an operator would wait it out, so does this.
        Thread.sleep(4_000);
        Process recover = onboard("recover", Long.toString(stillMarkedRunning.summary().executionId()));
        int recoverStatus = recover.waitFor();
        ImportOutcome restarted = run();

        assertThat(customersAtKill).isBetween(1L, ROWS - 1L);
        assertThat(stillMarkedRunning.kind()).isEqualTo(ImportOutcome.Kind.ALREADY_RUNNING);
        assertThat(recoverStatus).isZero();
        assertThat(Files.readString(dir.resolve("recover.out"))).contains("marked FAILED");
        assertThat(failedEvents()).as("the recovered execution is told to its organisation once")
                .containsExactly(ImportFailureNotifier.IMPORT_FAILED + ":" + stillMarkedRunning.summary().executionId());
        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().jobInstanceId()).isEqualTo(stillMarkedRunning.summary().jobInstanceId());
        assertThat(restarted.summary().rowsRead()).isEqualTo(ROWS);
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);
    }

    @Test
    void anImportAskedToStopEndsStoppedAtAChunkBoundaryAndRestartsToTheStateOfAnUninterruptedRun() throws Exception {
        TableSnapshot uninterrupted = uninterruptedRun();

        Process child = importUnderWay();
        child.destroy();
        assertThat(child.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
        String status = jdbc.queryForObject("select status from batch_job_execution order by job_execution_id desc limit 1",
                String.class);
        ImportOutcome restarted = run();

        assertThat(status).isEqualTo("STOPPED");
        assertThat(restarted.kind()).isEqualTo(ImportOutcome.Kind.RAN);
        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().rowsRead()).isEqualTo(ROWS);
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);
    }

    @Test
    void aServiceKilledMidImportRecoversItsOwnImportAtStartUpAndItsRestartEndsAsAnUninterruptedRun() throws Exception {
        TableSnapshot uninterrupted = uninterruptedRun();
        Path base = dir.resolve("service");
        Path inbox = Files.createDirectories(base.resolve("inbox").resolve("demo"));

        Process service = onboard(base, "serve");
        Path upload = Files.copy(FILE, inbox.resolve("customers.csv.part"));
        Files.move(upload, inbox.resolve("customers.csv"));
        waitForCustomers(ROWS / 6);
        service.destroyForcibly();
        service.waitFor();
        long customersAtKill = customers();
        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        String statusAfterKill = jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, execution);

        // Its 3 s lease has lapsed by the time the next service starts: recovered at that start, not by a later sweep.
        Thread.sleep(4_000);
        Process restartedService = onboard(base, "serve");
        Path failed = base.resolve("failed").resolve("demo").resolve("customers.exec-" + execution + ".csv");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // The file moves first, then the service says what it recovered: wait for both before stopping it.
        while (!(Files.exists(failed) && Files.readString(dir.resolve("serve.out")).contains("Recovered interrupted"))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        restartedService.destroy();
        restartedService.waitFor();
        int restartStatus = onboard(base, "restart", Long.toString(execution)).waitFor();
        long restarted = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);

        assertThat(customersAtKill).isBetween(1L, ROWS - 1L);
        assertThat(statusAfterKill).isEqualTo("STARTED");
        assertThat(Files.readString(dir.resolve("serve.out"))).contains("Recovered interrupted imports [" + execution + "]");
        assertThat(failedEvents()).containsExactly(ImportFailureNotifier.IMPORT_FAILED + ":" + execution);
        assertThat(restartStatus).as(Files.readString(dir.resolve("restart.out"))).isZero();
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, restarted)).isEqualTo("COMPLETED");
        assertThat(base.resolve("processed").resolve("demo").resolve("customers.exec-" + restarted + ".csv")).exists();
        assertThat(failed).doesNotExist();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);
    }

    @Test
    void aServiceAskedToStopLeavesItsImportStoppedAndItsFileInFailedAndItsRestartEndsAsAnUninterruptedRun()
            throws Exception {
        TableSnapshot uninterrupted = uninterruptedRun();
        Path base = dir.resolve("stopped-service");
        Path inbox = Files.createDirectories(base.resolve("inbox").resolve("demo"));

        Process service = onboard(base, "serve");
        Files.copy(FILE, inbox.resolve("customers.csv"));
        Path later = Files.writeString(inbox.resolve("later.csv"), "referenceId,name,accountTypeId\nLATER-1,Late Comer,1\n");
        Files.setLastModifiedTime(later, FileTime.from(Instant.now().plusSeconds(1)));
        waitForCustomers(ROWS / 6);
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        String statusAfterStop = jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, execution);
        boolean inFailed = Files.exists(base.resolve("failed").resolve("demo").resolve("customers.exec-" + execution + ".csv"));
        int restartStatus = onboard(base, "restart", Long.toString(execution)).waitFor();

        assertThat(statusAfterStop).isEqualTo("STOPPED");
        assertThat(inFailed).as("the stopped import's file waits in failed/ under its execution id").isTrue();
        assertThat(restartStatus).as(Files.readString(dir.resolve("restart.out"))).isZero();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);

        Process nextStart = onboard(base, "serve");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // Waiting in the inbox, or claimed when the service stopped: either way imported by the next start.
        while (!processedLater(base) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        nextStart.destroy();
        nextStart.waitFor();
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution_params"
                + " where parameter_name = 'file' and parameter_value like '%later.csv'", Long.class))
                .as("a file still waiting when the service stopped is imported at its next start").isEqualTo(1);
        assertThat(base.resolve("processed").resolve("demo").toFile().list())
                .anySatisfy(name -> assertThat(name).startsWith("later.exec-"));
    }

    /**
     * Two writers, stopped twice from another process: first by {@code ./onboard stop} in a JVM of its own
     * while the import is held mid-step (that JVM takes longer to start than the import takes to finish),
     * then, the import resumed in a child JVM, by this JVM as the operator's process, through the code the
     * command and the operator API use. Each time the ask succeeds (the held execution shows STOPPING, not
     * yet STOPPED, until its process has stopped it), both parts end STOPPED at a chunk boundary (nothing
     * rolled back) and no later step runs; the final restart ends as an uninterrupted run.
     */
    @Test
    void anOperatorStoppingATwoWriterImportFromAnotherProcessStopsEveryPartAtAChunkBoundary() throws Exception {
        TableSnapshot uninterrupted = uninterruptedRun();
        CustomerWriteGate.install(jdbc);

        Process child = onboard("import", "--writers", "2", FILE.toString());
        long first = runningExecution(0);
        waitForCustomers(ROWS / 6);
        Process stop;
        try (CustomerWriteGate held = CustomerWriteGate.shut(dataSource)) {
            stop = onboard("stop", Long.toString(first));
            assertThat(stop.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertAskedOnly(first);
        }
        String stopOutput = Files.readString(dir.resolve("stop.out"));
        assertThat(stop.exitValue()).as(stopOutput).isZero();
        assertThat(stopOutput).contains("Execution " + first + " asked to stop");
        assertStoppedByItsProcess(child, first, uninterrupted);

        Process resumed = onboard("import", "--writers", "2", FILE.toString());
        long second = runningExecution(first);
        waitForCustomers(customers() + ROWS / 12);
        executions.stop(second);
        assertStoppedByItsProcess(resumed, second, uninterrupted);

        ImportOutcome restarted = run();
        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().rowsRead()).isEqualTo(ROWS);
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);
    }

    /** {@code ./onboard import} of the file in a child JVM, a sixth of the way through it. */
    private Process importUnderWay() throws Exception {
        Process child = onboard("import", FILE.toString());
        waitForCustomers(ROWS / 6);
        return child;
    }

    /** The id of the execution a child started after {@code after}, once it runs. */
    private long runningExecution(long after) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Long id = null;
        while (id == null) {
            assertThat(System.nanoTime()).as("the child import started an execution").isLessThan(deadline);
            Thread.sleep(20);
            id = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution where job_execution_id > ?",
                    Long.class, after);
        }
        return id;
    }

    /** Asked to stop while held mid-step, the execution shows STOPPING with no end: only its own process ends it. */
    private void assertAskedOnly(long execution) {
        Map<String, Object> asked = jdbc.queryForMap(
                "select status, end_time from batch_job_execution where job_execution_id = ?", execution);
        assertThat(asked).containsEntry("status", "STOPPING").containsEntry("end_time", null);
    }

    /**
     * The child ends with the execution STOPPED, the customers step and both its parts STOPPED mid-file without
     * a rollback, and no later step started.
     */
    private void assertStoppedByItsProcess(Process child, long execution, TableSnapshot uninterrupted)
            throws Exception {
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("import.out"));
        List<Map<String, Object>> steps = jdbc.queryForList("""
                select step_name, status, exit_code, rollback_count from batch_step_execution
                where job_execution_id = ? and step_name <> ? order by step_execution_id""", execution,
                CustomerImportJobConfiguration.PREPARE_STEP);

        assertThat(child.exitValue()).as(output).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, execution)).as(output).isEqualTo("STOPPED");
        assertThat(steps).extracting(step -> step.get("step_name")).as("steps run, no later one: " + output)
                .containsExactlyInAnyOrder(CustomerImportJobConfiguration.CUSTOMERS_STEP,
                        CustomerImportJobConfiguration.PART_STEP + ":part0",
                        CustomerImportJobConfiguration.PART_STEP + ":part1");
        assertThat(steps).as(output).allSatisfy(step -> {
            assertThat(step.get("status")).isEqualTo("STOPPED");
            assertThat(step.get("exit_code")).isEqualTo("STOPPED");
            assertThat(((Number) step.get("rollback_count")).longValue()).isZero();
        });
        assertThat(customers()).as("customers stored when stopped").isLessThan(uninterrupted.customers().size());
    }

    private static boolean processedLater(Path base) {
        String[] processed = base.resolve("processed").resolve("demo").toFile().list();
        return processed != null && Arrays.stream(processed).anyMatch(name -> name.startsWith("later.exec-"));
    }

    private TableSnapshot uninterruptedRun() throws Exception {
        assertThat(run().summary().status()).isEqualTo(BatchStatus.COMPLETED);
        TableSnapshot snapshot = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);
        return snapshot;
    }

    private ImportOutcome run() throws Exception {
        return launcher.launch(new ImportRequest(FILE, "demo", null, false));
    }

    /** The keys of the {@code customer_import.failed} events queued so far. */
    private List<String> failedEvents() {
        return jdbc.queryForList("select event_key from webhook_event where event_type = ?", String.class,
                ImportFailureNotifier.IMPORT_FAILED);
    }

    private long customers() {
        return jdbc.queryForObject("select count(*) from customer", Long.class);
    }

    private void waitForCustomers(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (customers() < atLeast) {
            assertThat(System.nanoTime()).as("the child import got under way").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Process onboard(String... args) throws Exception {
        return onboard(dir, args);
    }

    /** {@code ./onboard} in a JVM of its own, on the tests' database and feeds, its inboxes under {@code base}. */
    private Process onboard(Path base, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ChildOnboard.command("512m", args))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(args[0] + ".out").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", Postgres.freshSchemaUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        builder.environment().put("ONBOARD_FEEDS_DIRECTORY", TestFeeds.DIRECTORY.toAbsolutePath().toString());
        builder.environment().put("ONBOARD_REPORTS_DIRECTORY", dir.resolve("reports").toString());
        builder.environment().put("ONBOARD_LOG_FILE", dir.resolve("onboard.log").toString());
        builder.environment().put("ONBOARD_HOME", dir.toString() + File.separator);
        builder.environment().put("ONBOARD_INBOX_BASE_DIRECTORY", base.toString());
        builder.environment().put("ONBOARD_INBOX_QUIET_PERIOD", "0s");
        builder.environment().put("ONBOARD_INBOX_POLL_INTERVAL", "200ms");
        builder.environment().put("ONBOARD_INSTANCE_NAME", "interrupted-test");
        // A short lease: a killed service is held gone, and its import recovered, as soon as the next one starts.
        builder.environment().put("ONBOARD_INSTANCE_LEASE", "3s");
        builder.environment().put("SERVER_PORT", "0");
        return builder.start();
    }
}
