package org.onboarding.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onboarding.feed.ImportSchedule;
import org.onboarding.job.ImportLauncher;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.TestClock;
import org.onboarding.testsupport.TestFeeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.integration.aop.ReceiveMessageAdvice;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The watched inboxes end to end: real files dropped into {@code target/test-inbox/inbox/<feed>/},
 * picked up by the Spring Integration adapters, imported through the job-launching gateway and
 * moved. The quiet period is 30 s: a file the test means to be complete is given an older
 * modification time, one it means to be still being written keeps the current one.
 */
@Import(InboxScenarios.Clocks.class)
@SpringBootTest(properties = {
        "onboard.cli.enabled=false",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.reports-directory=target/test-reports",
        "onboard.inbox.base-directory=target/test-inbox",
        "onboard.inbox.quiet-period=30s",
        "onboard.inbox.poll-interval=100ms"})
abstract class InboxScenarios {

    /** 01:59 in Lagos, a minute before the nightly feed's 02:00 schedule. */
    static final Instant BEFORE_TWO_AM = Instant.parse("2026-11-24T00:59:00Z");

    /** The service's clock, which the tests move: the schedule's 02:00 comes when they say. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(BEFORE_TWO_AM);
        }
    }

    @Autowired
    TestClock clock;

    @Autowired
    NightlySchedules schedules;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    static final Path BASE = Path.of("target", "test-inbox");
    static final String HEADER = "referenceId,name,accountTypeId,bvn\n";

    @Autowired
    InboxWatcher watcher;

    @Autowired
    InterruptedImports interruptedImports;

    @Autowired
    ImportLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void feeds() {
        TestFeeds.write();
    }

    @BeforeEach
    void start() throws IOException {
        new FaultInjection(jdbc).clear();
        Databases.reset(jdbc);
        jdbc.update("delete from int_metadata_store");
        FileSystemUtils.deleteRecursively(BASE);
        clock.set(BEFORE_TWO_AM);
        launcher.identifyLaunchesAs("test-instance");
        watcher.watchAll();
    }

    @AfterEach
    void stop() {
        watcher.stopWatching();
    }

    @Test
    void aDroppedFileIsImportedAndMovedToProcessedWithItsExecutionIdInItsName() throws IOException {
        drop("demo", "customers.csv", "CUS-1,Ngozi Eze,1,22100000001\nCUS-2,Emeka Obi,1,22100000002\n", true);

        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);

        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        assertThat(files("processed", "demo")).containsExactly("customers.exec-" + execution + ".csv");
        assertThat(files("inbox", "demo")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select status from batch_job_execution", String.class)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select parameter_value from batch_job_execution_params where parameter_name = 'launched.by'",
                String.class)).isEqualTo("test-instance");
    }

    @Test
    void aFeedThatNamesItsInboxIsWatchedThereAndItsFilesStillMoveUnderItsName() throws IOException {
        Path file = BASE.resolve("drop-zone").resolve("partner").resolve("partner.csv");
        Files.writeString(file, HEADER + "CUS-1,Ngozi Eze,1,22100000001\n");
        makeOld(file);

        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "dropzone").size() == 1);

        assertThat(file).doesNotExist();
        assertThat(files("processed", "dropzone").get(0)).startsWith("partner.exec-");
    }

    @Test
    void aFileStillBeingWrittenIsLeftAloneUntilItIsComplete() throws IOException {
        drop("demo", "young.csv", "CUS-1,Ngozi Eze,1,22100000001\n", false);
        drop("demo", "upload.csv.part", "CUS-2,Emeka Obi,1,22100000002\n", true);
        drop("demo", "sentinel.csv", "CUS-3,Ada Obi,1,22100000003\n", true);

        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);
        assertThat(files("inbox", "demo")).containsExactlyInAnyOrder("young.csv", "upload.csv.part");

        makeOld(BASE.resolve("inbox/demo/young.csv"));
        Files.move(BASE.resolve("inbox/demo/upload.csv.part"), BASE.resolve("inbox/demo/upload.csv"));
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 3);
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(3);
    }

    @Test
    void aFeedWithADoneMarkerWaitsForTheMarkerAndRemovesItWithTheFile() throws IOException {
        drop("marked", "customers.csv", "CUS-1,Ngozi Eze,1,22100000001\n", true);
        drop("demo", "sentinel.csv", "CUS-3,Ada Obi,1,22100000003\n", true);

        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);
        assertThat(files("inbox", "marked")).as("complete and quiet, but without its marker").containsExactly("customers.csv");

        Files.writeString(BASE.resolve("inbox/marked/customers.csv.done"), "");
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "marked").size() == 1);
        assertThat(files("inbox", "marked")).as("the marker goes with its file").isEmpty();
        assertThat(files("processed", "marked").get(0)).startsWith("customers.exec-");
    }

    @Test
    void theSameContentDroppedAgainUnderAnyNameIsImportedOnceAndTheOtherFilesNoted() throws IOException {
        String rows = "CUS-1,Ngozi Eze,1,22100000001\n";
        drop("demo", "monday.csv", rows, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);
        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);

        drop("demo", "monday-again.csv", rows, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 2);
        drop("demo", "monday.csv", rows, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 3);

        assertThat(files("processed", "demo")).containsExactlyInAnyOrder("monday.exec-" + execution + ".csv",
                "monday-again.exec-" + execution + ".csv", "monday.exec-" + execution + ".copy-2.csv");
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(1);
    }

    @Test
    void aFailedImportGoesToFailedAndAnUnusableFileTooWithItsReason() throws IOException {
        drop("tight", "bad-rows.csv", "CUS-1,,1,\nCUS-2,,1,\nCUS-3,,1,\n", true);
        Files.writeString(BASE.resolve("inbox/demo/no-reference.csv"), "name,accountTypeId\nNgozi,1\n");
        makeOld(BASE.resolve("inbox/demo/no-reference.csv"));

        await().atMost(Duration.ofSeconds(20)).until(() -> files("failed", "tight").size() == 1
                && files("failed", "demo").size() == 1);

        long execution = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);
        assertThat(files("failed", "tight")).containsExactly("bad-rows.exec-" + execution + ".csv");
        assertThat(files("failed", "demo")).containsExactly("no-reference.refused.csv");
        assertThat(jdbc.queryForObject("select status from batch_job_execution", String.class)).isEqualTo("FAILED");
    }

    @Test
    void filesLeftWaitingWhenTheServiceStoppedAreImportedWhenItStartsAgainAndNoFileTwice() throws IOException {
        drop("demo", "first.csv", "CUS-1,Ngozi Eze,1,22100000001\n", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);
        drop("demo", "pending.csv", "CUS-2,Emeka Obi,1,22100000002\n", false);
        watcher.stopWatching();
        makeOld(BASE.resolve("inbox/demo/pending.csv"));

        launcher.identifyLaunchesAs("test-instance");
        watcher.watchAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 2);

        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(2);
        assertThat(files("inbox", "demo")).isEmpty();
        assertThat(claimed("demo")).as("no file left claimed").isEmpty();
    }

    @Test
    void aFileClaimedByAnInstanceThatDiedBeforeImportingItReturnsToTheInboxOnceItsLeaseLapsedAndIsImported()
            throws Exception {
        Path processing = BASE.resolve("inbox").resolve("demo").resolve(".processing");
        Path gone = Files.createDirectories(processing.resolve("gone-1-a"));
        Path live = Files.createDirectories(processing.resolve("live-2-b"));
        Files.writeString(gone.resolve("left-behind.csv"), HEADER + "CUS-1,Ngozi Eze,1,22100000001\n");
        makeOld(gone.resolve("left-behind.csv"));
        Files.writeString(live.resolve("being-imported.csv"), HEADER + "CUS-2,Emeka Obi,1,22100000002\n");
        jdbc.update("delete from onboard_instance where instance_id in ('gone-1-a', 'live-2-b')");
        jdbc.update("insert into onboard_instance (instance_id, host, pid, started_at, renewed_at) values"
                + " ('gone-1-a', 'host-a', 41, current_timestamp, current_timestamp - interval '1' hour),"
                + " ('live-2-b', 'host-b', 42, current_timestamp, current_timestamp)");

        interruptedImports.recover();
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);

        assertThat(files("processed", "demo").get(0)).startsWith("left-behind.exec-");
        assertThat(live.resolve("being-imported.csv")).as("a live instance's claim is its own").exists();
        assertThat(gone).doesNotExist();
        assertThat(jdbc.queryForList("select instance_id from onboard_instance where instance_id in ('gone-1-a', 'live-2-b')",
                String.class)).as("the gone instance forgotten").containsExactly("live-2-b");
        jdbc.update("delete from onboard_instance where instance_id = 'live-2-b'");
    }

    @Test
    void aScheduledFeedsFilesWaitForTheirTimeAndAreThenImportedOldestFirstOnceAcrossInstances() throws Exception {
        drop("nightly", "b-newer.csv", "CUS-2,Emeka Obi,1,22100000002\n", true);
        drop("nightly", "a-older.csv", "CUS-1,Ngozi Eze,1,22100000001\n", true);
        Files.setLastModifiedTime(BASE.resolve("inbox/nightly/a-older.csv"), FileTime.from(Instant.now().minusSeconds(600)));
        ReceiveMessageAdvice otherInstance = schedules.runsOf("nightly",
                new ImportSchedule("0 0 2 * * *", ZoneId.of("Africa/Lagos")));
        drop("demo", "sentinel.csv", "CUS-9,Ada Obi,1,22100000009\n", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);
        assertThat(files("inbox", "nightly")).as("before 02:00").containsExactly("a-older.csv", "b-newer.csv");

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "nightly").size() == 2);

        assertThat(jdbc.queryForList("select p.parameter_value from batch_job_execution_params p"
                + " where p.parameter_name = 'file' and p.parameter_value like '%nightly%' order by p.job_execution_id",
                String.class)).satisfiesExactly(first -> assertThat(first).endsWith("a-older.csv"),
                        second -> assertThat(second).endsWith("b-newer.csv"));
        assertThat(otherInstance.beforeReceive(null)).as("the 02:00 run is claimed once across instances").isFalse();
    }

    @Test
    void aRunOfTheFeedStillGoingElsewhereKeepsTheScheduleFromStartingASecondOne() throws Exception {
        DefaultLockRepository otherInstancesLocks = new DefaultLockRepository(dataSource);
        otherInstancesLocks.setRegion("onboard");
        otherInstancesLocks.setApplicationContext(context);
        otherInstancesLocks.afterPropertiesSet();
        otherInstancesLocks.afterSingletonsInstantiated();
        Lock previousRun = new JdbcLockRegistry(otherInstancesLocks, Duration.ofMinutes(30)).obtain("schedule:nightly");
        assertThat(previousRun.tryLock()).isTrue();
        try {
            drop("nightly", "tonight.csv", "CUS-1,Ngozi Eze,1,22100000001\n", true);
            clock.advance(Duration.ofMinutes(1).plusSeconds(5));
            drop("demo", "sentinel.csv", "CUS-9,Ada Obi,1,22100000009\n", true);
            await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "demo").size() == 1);
            assertThat(files("inbox", "nightly")).as("not started on top of the running one").containsExactly("tonight.csv");
        } finally {
            previousRun.unlock();
        }

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> files("processed", "nightly").size() == 1);
    }

    private static void drop(String feed, String name, String rows, boolean complete) throws IOException {
        Path file = BASE.resolve("inbox").resolve(feed).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + rows);
        if (complete) {
            makeOld(file);
        }
    }

    private static void makeOld(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
    }

    /** The files an operator sees in the folder: not the hidden claim folder {@code .processing}. */
    private static List<String> files(String folder, String feed) throws IOException {
        Path directory = BASE.resolve(folder).resolve(feed);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        }
    }

    /** The files claimed by any instance in the feed's inbox. */
    private static List<Path> claimed(String feed) throws IOException {
        Path processing = BASE.resolve("inbox").resolve(feed).resolve(".processing");
        if (!Files.isDirectory(processing)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(processing)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
