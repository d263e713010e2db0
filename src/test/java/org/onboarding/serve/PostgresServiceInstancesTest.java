package org.onboarding.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onboarding.folders.InboxClaims;
import org.onboarding.sample.SampleFileGenerator;
import org.onboarding.testsupport.ChildOnboard;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.Postgres;
import org.onboarding.testsupport.TestFeeds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several {@code ./onboard serve} processes on one PostgreSQL database and one set of inboxes, as
 * operators run them (two containers, a blue/green restart): each in a JVM of its own, given the same
 * instance name. Every dropped file is imported once and moved once, whichever instance claims it; an
 * instance killed mid-import keeps its import and its file until its lease lapses, and only then does
 * another instance recover them.
 */
@EnabledIfPostgres
class PostgresServiceInstancesTest {

    /** Long enough that a recover command and a second service start well within it on a loaded machine. */
    private static final String LEASE = "45s";
    private static final Pattern SERVING_AS = Pattern.compile("Serving as (\\S+):");

    @TempDir
    Path dir;

    private final List<Process> services = new ArrayList<>();
    private String database;
    private JdbcTemplate jdbc;

    @BeforeAll
    static void feeds() {
        TestFeeds.write();
    }

    @AfterEach
    void stopServices() throws InterruptedException {
        for (Process service : services) {
            service.destroyForcibly();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void instancesWithOneNameOnOneInboxImportEveryFileOnceAndMoveItOnceAndLeaveEachOthersImportsAlone()
            throws Exception {
        Path base = emptyDatabaseAndBase("onboard_two_instances");
        Process blue = serve(base, "blue", "30s", "blue.out");
        String blueId = awaitServing(dir.resolve("blue.out"));
        Process green = serve(base, "blue", "30s", "green.out");
        String greenId = awaitServing(dir.resolve("green.out"));

        List<String> names = List.of("monday.csv", "tuesday.csv", "wednesday.csv");
        dropAtOnce(base, names, 3_000);
        awaitThat(() -> listed(base.resolve("processed").resolve("demo")).size() + listed(base.resolve("failed")
                .resolve("demo")).size() >= 3 && running() == 0, Duration.ofSeconds(180));
        Thread.sleep(1_000);

        assertThat(jdbc.queryForList("select status from batch_job_execution", String.class))
                .as("one execution per file, each completed; %s", jdbc.queryForList(
                        "select step_name, substr(exit_message, 1, 600) from batch_step_execution where status <> 'COMPLETED'")
                        + outputs()).containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
        assertThat(jdbc.queryForObject("select count(distinct job_instance_id) from batch_job_execution", Long.class))
                .isEqualTo(3);
        List<String> processed = listed(base.resolve("processed").resolve("demo"));
        for (String name : names) {
            String stem = name.substring(0, name.length() - ".csv".length());
            assertThat(processed).as("each file moved once, named after its own execution")
                    .filteredOn(moved -> moved.startsWith(stem + ".")).singleElement()
                    .satisfies(moved -> assertThat(moved).isEqualTo(stem + ".exec-" + executionOf(stem) + ".csv"));
        }
        assertThat(processed).hasSize(3);
        assertThat(listed(base.resolve("failed").resolve("demo"))).isEmpty();
        assertThat(listed(base.resolve("inbox").resolve("demo"))).isEmpty();
        assertThat(claimed(base)).isEmpty();
        assertThat(blueId).startsWith("blue-").isNotEqualTo(greenId);
        assertThat(greenId).startsWith("blue-");
        assertThat(blue.isAlive()).as("the first instance lives on beside the second").isTrue();
        assertThat(green.isAlive()).isTrue();

        // A third instance of that name starts while the others import (a blue/green restart): it touches nothing of theirs.
        dropAtOnce(base, List.of("thursday.csv"), 40_000);
        awaitThat(() -> running() == 1, Duration.ofSeconds(60));
        serve(base, "blue", "30s", "third.out");
        awaitServing(dir.resolve("third.out"));
        long thursday = executionOf("thursday");
        awaitThat(() -> !"STARTED".equals(status(thursday)) && !"STARTING".equals(status(thursday)), Duration.ofSeconds(180));
        assertThat(status(thursday)).isEqualTo("COMPLETED");
        assertThat(listed(base.resolve("processed").resolve("demo"))).contains("thursday.exec-" + thursday + ".csv");
    }

    @Test
    void anInstanceKilledMidImportKeepsItsImportUntilItsLeaseLapsedThenAnotherRecoversIt() throws Exception {
        Path base = emptyDatabaseAndBase("onboard_killed_instance");
        Path big = dir.resolve("customers.csv");
        new SampleFileGenerator().write(big, 60_000, 7);
        Process killed = serve(base, "blue", LEASE, "killed.out");
        String killedId = awaitServing(dir.resolve("killed.out"));
        Files.move(big, base.resolve("inbox").resolve("demo").resolve("customers.csv"), StandardCopyOption.ATOMIC_MOVE);
        awaitThat(() -> jdbc.queryForObject("select count(*) from customer", Long.class) >= 2_000, Duration.ofSeconds(120));
        killed.destroyForcibly();
        killed.waitFor();
        long killedAt = System.nanoTime();
        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);

        // At once, as an operator would: ask to recover it, and start the replacement under the same name.
        Process recover = onboard(base, List.of("recover", Long.toString(execution)), Map.of(), "recover.out");
        serve(base, "blue", LEASE, "next.out");
        List<Path> claimedWhileStarted = null;
        long startedFor = -1;
        while (System.nanoTime() - killedAt < Duration.ofSeconds(150).toNanos()) {
            if (!"STARTED".equals(status(execution))) {
                startedFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                break;
            }
            if (claimedWhileStarted == null && !recover.isAlive()) {
                claimedWhileStarted = claimed(base);
            }
            Thread.sleep(100);
        }
        Path failed = base.resolve("failed").resolve("demo").resolve("customers.exec-" + execution + ".csv");
        awaitThat(() -> Files.exists(failed), Duration.ofSeconds(30));

        assertThat(recover.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(recover.exitValue()).as(Files.readString(dir.resolve("recover.out"))).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("recover.out")))
                .contains("onboard: execution " + execution + " is STARTED and held by " + killedId)
                .contains("--force");
        assertThat(claimedWhileStarted).as("the file stays claimed by the killed instance while its lease lives")
                .singleElement().satisfies(file -> assertThat(file.getParent().getFileName().toString()).isEqualTo(killedId));
        // Its last renewal came at most a sixth of the lease before the kill: not recovered before the rest had run out.
        assertThat(startedFor).as("milliseconds from the kill to the recovery, %s", outputs())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(45).minusSeconds(45 / 6 + 1).toMillis());
        assertThat(status(execution)).isEqualTo("FAILED");
        assertThat(Files.readString(dir.resolve("next.out"))).contains("Serving as blue-");
        assertThat(claimed(base)).isEmpty();
        assertThat(jdbc.queryForList("select event_key from webhook_event where event_type = 'customer_import.failed'",
                String.class)).containsExactly("customer_import.failed:" + execution);
    }

    private Path emptyDatabaseAndBase(String schema) throws IOException {
        database = Postgres.emptySchemaUrl(schema);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database, Postgres.USER, Postgres.PASSWORD));
        Path base = dir.resolve("service");
        Files.createDirectories(base.resolve("inbox").resolve("demo"));
        return base;
    }

    /** Writes the files beside the inbox, then renames them in together, as an upload tool finishing a batch. */
    private void dropAtOnce(Path base, List<String> names, int rows) throws IOException {
        Path staging = Files.createDirectories(base.resolve("staging"));
        long seed = 11;
        for (String name : names) {
            new SampleFileGenerator().write(staging.resolve(name), rows, seed++);
        }
        for (String name : names) {
            Files.move(staging.resolve(name), base.resolve("inbox").resolve("demo").resolve(name),
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private long executionOf(String stem) {
        return jdbc.queryForObject("select job_execution_id from batch_job_execution_params where parameter_name = 'file'"
                + " and parameter_value like ?", Long.class, "%" + stem + ".csv");
    }

    private long running() {
        return jdbc.queryForObject("select count(*) from batch_job_execution where status in ('STARTING', 'STARTED')",
                Long.class);
    }

    private String status(long execution) {
        return jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?", String.class,
                execution);
    }

    private Process serve(Path base, String name, String lease, String out) throws IOException {
        Process service = onboard(base, List.of("serve"), Map.of("ONBOARD_INSTANCE_NAME", name,
                "ONBOARD_INSTANCE_LEASE", lease), out);
        services.add(service);
        return service;
    }

    /** {@code ./onboard} in a JVM of its own, on this test's schema, with its inboxes under {@code base}. */
    private Process onboard(Path base, List<String> args, Map<String, String> settings, String out) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ChildOnboard.command("384m", args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve(out).toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("ONBOARD_") || variable.startsWith("SPRING_"));
        environment.put("SPRING_DATASOURCE_URL", database);
        environment.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        environment.put("ONBOARD_HOME", dir.toString());
        environment.put("ONBOARD_FEEDS_DIRECTORY", TestFeeds.DIRECTORY.toAbsolutePath().toString());
        environment.put("ONBOARD_INBOX_BASE_DIRECTORY", base.toString());
        environment.put("ONBOARD_INBOX_QUIET_PERIOD", "0s");
        environment.put("ONBOARD_INBOX_POLL_INTERVAL", "200ms");
        environment.put("SERVER_PORT", "0");
        environment.putAll(settings);
        return builder.start();
    }

    private String awaitServing(Path out) throws Exception {
        awaitThat(() -> Files.exists(out) && SERVING_AS.matcher(Files.readString(out)).find(), Duration.ofSeconds(120));
        Matcher serving = SERVING_AS.matcher(Files.readString(out));
        assertThat(serving.find()).isTrue();
        return serving.group(1);
    }

    /** The files claimed by any instance, in their claim folders. */
    private static List<Path> claimed(Path base) throws IOException {
        Path processing = base.resolve("inbox").resolve("demo").resolve(InboxClaims.PROCESSING);
        if (!Files.isDirectory(processing)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(processing)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The files an operator sees in the folder (not the hidden claim folder). */
    private static List<String> listed(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private void awaitThat(Condition condition, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited %s; outputs: %s", patience, outputs()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String outputs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path out : files.filter(file -> file.toString().endsWith(".out")).toList()) {
                all.append("\n== ").append(out.getFileName()).append('\n').append(Files.readString(out));
            }
        }
        return all.toString();
    }
}
