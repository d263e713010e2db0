package org.onboarding.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onboarding.folders.FeedDirectories;
import org.onboarding.job.ImportOutcome;
import org.onboarding.job.ImportRequest;
import org.onboarding.job.ImportSummary;
import org.onboarding.lease.ImportLeases;
import org.onboarding.testsupport.Databases;
import org.onboarding.testsupport.FaultInjection;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.TableSnapshot;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * Operating imports by execution id against the real job and database: restarts that
 * end as an uninterrupted import would, files found in and moved out of the watched folders, and
 * the refusals that keep a restart from resuming anything but the execution asked for. Run on the
 * embedded H2 default and on PostgreSQL by the subclasses.
 */
abstract class ImportExecutionsScenarios extends ImportScenario {

    @Autowired
    ImportExecutions executions;

    @Autowired
    ImportHistory history;

    @Autowired
    FeedDirectories directories;

    @Autowired
    ImportLeases leases;

    @BeforeEach
    void emptyFolders() throws IOException {
        FileSystemUtils.deleteRecursively(Path.of("target", "operations-inbox"));
    }

    @Test
    void aFailedExecutionRestartedByIdEndsAsAnUninterruptedImportWould() throws Exception {
        Path file = tenRows("restart.csv");
        TableSnapshot uninterrupted = uninterruptedRun(file);

        ImportSummary failed = failAt("CUS-9", file);
        RestartResult restarted = executions.restart(failed.executionId());

        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().jobInstanceId()).isEqualTo(failed.jobInstanceId());
        assertThat(restarted.summary().rowsThisRun()).isEqualTo(2);
        assertThat(restarted.summary().rowsRead()).isEqualTo(10);
        assertThat(restarted.movedTo()).isNull();
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);
        assertThat(file).exists();
    }

    @Test
    void aFileTheInboxMovedToFailedIsRestartedThereAndMovedToProcessedUnderTheNewExecution() throws Exception {
        Path file = tenRows("customers.csv");
        ImportSummary failed = failAt("CUS-9", file);
        Path failedCopy = movedToFailed(file, failed);

        RestartResult restarted = executions.restart(failed.executionId());

        long newId = restarted.summary().executionId();
        Path processed = directories.processed("demo").resolve("customers.exec-" + newId + ".csv")
                .toAbsolutePath().normalize();
        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().jobInstanceId()).isEqualTo(failed.jobInstanceId());
        assertThat(restarted.file()).isEqualTo(failedCopy.toAbsolutePath().normalize());
        assertThat(restarted.movedTo()).isEqualTo(processed);
        assertThat(processed).exists();
        assertThat(failedCopy).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(6);
    }

    @Test
    void aRestartThatFailsAgainLeavesTheFileInFailed() throws Exception {
        Path file = tenRows("customers.csv");
        ImportSummary failed = failAt("CUS-9", file);
        Path failedCopy = movedToFailed(file, failed);
        new FaultInjection(jdbc).failAt("CUS-9");

        RestartResult again = executions.restart(failed.executionId());

        assertThat(again.summary().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(again.movedTo()).isNull();
        assertThat(failedCopy).exists();
    }

    @Test
    void aRestartIsRefusedWhenTheFileIsGoneFromBothPlacesNamingBoth() throws Exception {
        Path file = tenRows("gone.csv");
        ImportSummary failed = failAt("CUS-9", file);
        Files.delete(file);

        assertThatThrownBy(() -> executions.restart(failed.executionId()))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining(file.toAbsolutePath().normalize().toString())
                .hasMessageContaining(directories.failed("demo").toString());
    }

    @Test
    void aRestartIsRefusedWhenTheFileChangedSinceAndNothingRuns() throws Exception {
        Path file = tenRows("changed.csv");
        ImportSummary failed = failAt("CUS-9", file);
        Files.writeString(file, "CUS-11,Eleven,1,22100000011,,,,,,,,\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> executions.restart(failed.executionId()))
                .isInstanceOf(OperationRefusedException.class).hasMessageContaining("changed");
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(1);
    }

    @Test
    void onlyTheLastExecutionOfAnInstanceIsRestartedOrAbandoned() throws Exception {
        Path file = tenRows("twice.csv");
        ImportSummary first = failAt("CUS-9", file);
        new FaultInjection(jdbc).failAt("CUS-9");
        ImportSummary second = executions.restart(first.executionId()).summary();

        assertThat(second.status()).isEqualTo(BatchStatus.FAILED);
        assertThatThrownBy(() -> executions.restart(first.executionId()))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("execution " + second.executionId() + " (FAILED) is");
        assertThatThrownBy(() -> executions.abandon(first.executionId()))
                .isInstanceOf(OperationRefusedException.class);
    }

    @Test
    void anAbandonedExecutionIsNotRestartedAndItsContentCountsAsImported() throws Exception {
        Path file = tenRows("abandon.csv");
        ImportSummary failed = failAt("CUS-9", file);

        BatchStatus status = executions.abandon(failed.executionId());
        ImportOutcome again = run(file);

        assertThat(status).isEqualTo(BatchStatus.ABANDONED);
        assertThat(again.kind()).isEqualTo(ImportOutcome.Kind.ALREADY_IMPORTED);
        assertThatThrownBy(() -> executions.restart(failed.executionId()))
                .isInstanceOf(OperationRefusedException.class).hasMessageContaining("is ABANDONED");
    }

    @Test
    void anUnknownExecutionWhoseProcessIsGoneIsRestartedByIdToTheTablesOfAnUninterruptedRun() throws Exception {
        Path file = tenRows("unknown.csv");
        TableSnapshot uninterrupted = uninterruptedRun(file);
        ImportSummary unknown = markUnknown(failAt("CUS-9", file));

        RestartResult restarted = executions.restart(unknown.executionId());

        assertThat(restarted.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.summary().jobInstanceId()).isEqualTo(unknown.jobInstanceId());
        assertThat(jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                String.class, unknown.executionId())).isEqualTo("FAILED");
        assertThat(TableSnapshot.of(jdbc)).isEqualTo(uninterrupted);
    }

    @Test
    void anUnknownExecutionIsRestartedByImportingItsFileAgainOrAbandoned() throws Exception {
        ImportSummary first = markUnknown(failAt("CUS-9", tenRows("unknown-again.csv")));
        ImportOutcome again = run(dir.resolve("unknown-again.csv"));
        Path other = Files.writeString(tenRows("unknown-abandoned.csv"), "CUS-11,Eleven,1,,,,,,,,,\n",
                StandardOpenOption.APPEND);
        ImportSummary second = markUnknown(failAt("CUS-9", other));

        BatchStatus abandoned = executions.abandon(second.executionId());

        assertThat(again.kind()).isEqualTo(ImportOutcome.Kind.RAN);
        assertThat(again.summary().jobInstanceId()).isEqualTo(first.jobInstanceId());
        assertThat(again.summary().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(abandoned).isEqualTo(BatchStatus.ABANDONED);
    }

    @Test
    void anUnknownExecutionStillHeldByALiveProcessIsNeitherRestartedNorAbandoned() throws Exception {
        ImportSummary unknown = markUnknown(failAt("CUS-9", tenRows("held.csv")));
        leases.register();
        jdbc.update("insert into import_lease (job_execution_id, instance_id) values (?, ?)", unknown.executionId(),
                leases.self().id());

        assertThatThrownBy(() -> executions.restart(unknown.executionId())).isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("is UNKNOWN and still held by " + leases.self().id());
        assertThatThrownBy(() -> executions.abandon(unknown.executionId())).isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("still held by");
        assertThat(run(dir.resolve("held.csv")).kind()).isEqualTo(ImportOutcome.Kind.ALREADY_RUNNING);
    }

    @Test
    void listsTheLatestExecutionsNewestFirstFilteredByStatusAndFeed() throws Exception {
        ImportSummary failed = failAt("CUS-9", tenRows("failed.csv"));
        ImportSummary completed = run(csv("small.csv", "CUS-20,Twenty,1,22100000020,,,,,,,,",
                "CUS-21,,1,22100000021,,,,,,,,")).summary();
        ImportSummary other = launcher.launch(new ImportRequest(csv("other.csv", "CUS-30,Thirty,1,22100000030,,,,,,,,"),
                "other", null, false)).summary();

        assertThat(history.list(null, null, 20)).extracting(ExecutionSummary::id)
                .containsExactly(other.executionId(), completed.executionId(), failed.executionId());
        assertThat(history.list(null, null, 2)).hasSize(2);
        assertThat(history.list(BatchStatus.FAILED, null, 20)).extracting(ExecutionSummary::id)
                .containsExactly(failed.executionId());
        assertThat(history.list(null, "other", 20)).extracting(ExecutionSummary::id)
                .containsExactly(other.executionId());
        ExecutionSummary small = history.list(null, "demo", 20).get(0);
        assertThat(small.id()).isEqualTo(completed.executionId());
        assertThat(small.jobInstanceId()).isEqualTo(completed.jobInstanceId());
        assertThat(small.feed()).isEqualTo("demo");
        assertThat(small.file()).isEqualTo("small.csv");
        assertThat(small.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(small.startTime()).isNotNull();
        assertThat(List.of(small.rowsRead(), small.created(), small.updated(), small.rejected()))
                .containsExactly(2L, 1L, 0L, 1L);
        assertThat(history.list(null, null, LocalDate.now(), 20)).hasSize(3);
        assertThat(history.list(null, null, LocalDate.now().minusDays(1), 20)).isEmpty();
        ExecutionSummary failedRow = history.list(BatchStatus.FAILED, "demo", 20).get(0);
        assertThat(List.of(failedRow.rowsRead(), failedRow.created(), failedRow.rejected()))
                .containsExactly(failed.rowsRead(), failed.counts().created(), failed.counts().rejected());
    }

    @Test
    void showGivesTheStepsAndTheRejectReport() throws Exception {
        ImportSummary completed = run(csv("small.csv", "CUS-20,Twenty,1,22100000020,,,,,,,,",
                "CUS-21,,1,22100000021,,,,,,,,")).summary();

        ExecutionDetails details = history.show(completed.executionId());

        assertThat(details.reportPath()).isNotNull().isEqualTo(completed.reportPath());
        assertThat(details.lastOfInstance()).isTrue();
        assertThat(details.steps()).extracting(StepSummary::status).containsOnly(BatchStatus.COMPLETED);
        assertThat(details.steps()).filteredOn(step -> step.name().startsWith("customerPart"))
                .extracting(StepSummary::readCount).containsExactly(2L);
        assertThatThrownBy(() -> history.show(999)).isInstanceOf(OperationRefusedException.class)
                .hasMessage("no import execution 999");
    }

    @Test
    void showTellsWhyAnExecutionReadBackFromTheRepositoryFailed() throws Exception {
        ImportSummary failed = failAt("CUS-9", tenRows("failed.csv"));

        ExecutionDetails details = history.show(failed.executionId());

        assertThat(details.failure()).contains("injected fault writing CUS-9");
        assertThat(details.steps()).filteredOn(step -> step.name().startsWith("customerPart"))
                .filteredOn(step -> step.status() == BatchStatus.FAILED)
                .extracting(StepSummary::exitDescription).singleElement().asString().contains("injected fault");
    }

    /** Imports the file with the database failing the write of this referenceId, then lifts the fault. */
    private ImportSummary failAt(String referenceId, Path file) throws Exception {
        FaultInjection faults = new FaultInjection(jdbc);
        faults.failAt(referenceId);
        ImportSummary failed = run(file).summary();
        faults.clear();
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        return failed;
    }

    /**
     * Marks a failed execution and its failed step UNKNOWN, as Spring Batch does when its process cannot
     * record how a step ended (the repository refused the update, the database went away).
     */
    private ImportSummary markUnknown(ImportSummary failed) {
        jdbc.update("update batch_job_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN' where job_execution_id = ?",
                failed.executionId());
        jdbc.update("update batch_step_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN'"
                + " where job_execution_id = ? and status = 'FAILED'", failed.executionId());
        return failed;
    }

    private ImportOutcome run(Path file) throws Exception {
        return launcher.launch(new ImportRequest(file, "demo", null, false));
    }

    private Path tenRows(String name) throws IOException {
        return csv(name, TEN_ROWS);
    }

    private Path csv(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    /** The failed import's file, moved to {@code failed/demo/} under its execution id as the inbox would. */
    private Path movedToFailed(Path file, ImportSummary failed) throws IOException {
        Path failedCopy = Files.createDirectories(directories.failed("demo"))
                .resolve("customers.exec-" + failed.executionId() + ".csv");
        return Files.move(file, failedCopy);
    }

    /** The tables an uninterrupted import of the file ends with; the database is emptied again after. */
    private TableSnapshot uninterruptedRun(Path file) throws Exception {
        run(file);
        TableSnapshot uninterrupted = TableSnapshot.of(jdbc);
        Databases.reset(jdbc);
        return uninterrupted;
    }
}
