package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onboarding.feed.Feed;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.file.CustomerRecord;
import org.onboarding.file.FileHeader;
import org.onboarding.file.FileInspector;
import org.onboarding.imports.ImportRun;
import org.onboarding.imports.RowReject;
import org.onboarding.rejects.PiiMask;
import org.onboarding.rejects.RejectStore;
import org.onboarding.rules.Violation;
import org.onboarding.testsupport.ImportScenario;
import org.onboarding.testsupport.TestFeeds;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.StepRunner;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Steps of the customer import job run one at a time with {@link JobOperatorTestUtils}, on the real
 * database and files: what the prepare step makes of a file's header, and the reports the reject-report
 * step writes from the rejects an import recorded. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ImportStepScenarios extends ImportScenario {

    private static final String SMALL_HEADER = "referenceId,name,accountTypeId,bvn";
    private static final UUID DEMO = UUID.fromString(TestFeeds.ORGANIZATION_ID);

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    Job customerImportJob;

    @Autowired
    FeedCatalog feeds;

    @Autowired
    FileInspector inspector;

    @Autowired
    RejectStore rejects;

    JobOperatorTestUtils steps;

    @BeforeEach
    void stepRunner() {
        steps = new JobOperatorTestUtils(jobOperator, jobRepository);
        steps.setJob(customerImportJob);
    }

    @Test
    void thePrepareStepWarnsOnceOfAColumnTheFeedIgnoresAndPlansOnePartForASmallFile() throws Exception {
        JobParameters parameters = parameters("demo", csv("extra.csv", SMALL_HEADER + ",nickname",
                "CUS-1,One,1,22100000001,Ada"));

        JobExecution execution = steps.startStep(CustomerImportJobConfiguration.PREPARE_STEP, parameters, null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExecutionContext().getLong(PrepareImportTasklet.HEADER_WARNINGS)).isEqualTo(1);
        assertThat(execution.getExecutionContext().getInt(PrepareImportTasklet.PARTS)).isEqualTo(1);
        assertThat(jdbc.queryForList("select concat_ws('|', job_instance_id, job_execution_id, line_number, field)"
                + " from import_warning", String.class)).containsExactly(String.join("|",
                        Long.toString(execution.getJobInstance().getInstanceId()), Long.toString(execution.getId()), "1",
                        "nickname"));
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, DEMO))
                .isEqualTo("Demo Microfinance Bank");
        assertThat(definitions()).containsExactlyInAnyOrder("date_of_birth|date", "occupation|text", "state|text");
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isZero();
    }

    @Test
    void thePrepareStepOfAFeedThatCreatesUnknownColumnsDefinesThemAsTextFieldsWithoutWarning() throws Exception {
        JobParameters parameters = parameters("open", csv("extra.csv", SMALL_HEADER + ",nickname",
                "CUS-1,One,1,22100000001,Ada"));

        JobExecution execution = steps.startStep(CustomerImportJobConfiguration.PREPARE_STEP, parameters, null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(definitions()).containsExactlyInAnyOrder("date_of_birth|date", "occupation|text", "state|text",
                "nickname|text");
        assertThat(execution.getExecutionContext().containsKey(PrepareImportTasklet.HEADER_WARNINGS)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from import_warning", Long.class)).isZero();
    }

    @Test
    void thePrepareStepOfAStrictFeedFailsOnAnUnknownColumnAndDefinesNothingForIt() throws Exception {
        JobParameters parameters = parameters("strict", csv("extra.csv", SMALL_HEADER + ",nickname",
                "CUS-1,One,1,22100000001,Ada"));

        JobExecution execution = steps.startStep(CustomerImportJobConfiguration.PREPARE_STEP, parameters, null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution prepare = execution.getStepExecutions().iterator().next();
        assertThat(prepare.getExitStatus().getExitDescription()).contains("columns nickname match no field");
        assertThat(execution.getExecutionContext().containsKey(PrepareImportTasklet.PARTS)).isFalse();
        assertThat(definitions()).doesNotContain("nickname|text");
    }

    @Test
    void theReportStepWritesNoReportForAnImportWithoutRejects() throws Exception {
        JobParameters parameters = parameters("demo", csv("clean.csv", SMALL_HEADER, "CUS-1,One,1,22100000001"));

        JobExecution execution = steps.startStep("writeRejectReport", parameters, null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExecutionContext().containsKey(RejectReportTasklet.REPORT_PATH)).isFalse();
    }

    @Test
    void theReportStepWritesTheInstancesRejectsUnderItsExecutionIdAndNotesWhere() throws Exception {
        Path file = csv("rejects.csv", SMALL_HEADER, "CUS-1,One,1,22100000001", "CUS-2,,1,22100000002");
        JobParameters parameters = parameters("demo", file);
        rejectedEarlier(parameters, file, new RowReject(new CustomerRecord(3, new String[] {"CUS-2", "", "1",
                "22100000002"}), "CUS-2", List.of(new Violation("name", "name is required"))));

        JobExecution execution = steps.startStep("writeRejectReport", parameters, null);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = Path.of(execution.getExecutionContext().getString(RejectReportTasklet.REPORT_PATH));
        assertThat(report.getParent()).isEqualTo(Path.of("target", "test-reports", "demo").toAbsolutePath());
        assertThat(report.getFileName().toString()).matches("rejects-" + execution.getId() + "(\\.copy-\\d+)?\\.csv");
        assertThat(Files.readAllLines(report, StandardCharsets.UTF_8)).containsExactly(
                "\uFEFF\"line\",\"referenceId\",\"rejected\",\"reasons\",\"name\",\"accountTypeId\",\"bvn\"",
                "\"3\",\"CUS-2\",\"row\",\"name is required\",\"\",\"1\",\"221******02\"");
    }

    @Test
    void theReportStepRestartedRewritesTheReportItNotedRatherThanWritingAnother() throws Exception {
        Path file = csv("rejects.csv", SMALL_HEADER, "CUS-1,One,1,22100000001", "CUS-2,,1,22100000002");
        JobParameters parameters = parameters("demo", file);
        rejectedEarlier(parameters, file, new RowReject(new CustomerRecord(3, new String[] {"CUS-2", "", "1",
                "22100000002"}), "CUS-2", List.of(new Violation("name", "name is required"))));
        Path noted = Files.writeString(dir.resolve("rejects-7.csv"), "cut short by a crash");
        ExecutionContext jobContext = new ExecutionContext();
        jobContext.putString(RejectReportTasklet.REPORT_PATH, noted.toString());

        JobExecution execution = steps.startStep("writeRejectReport", parameters, jobContext);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExecutionContext().getString(RejectReportTasklet.REPORT_PATH)).isEqualTo(noted.toString());
        assertThat(Files.readAllLines(noted, StandardCharsets.UTF_8)).hasSize(2)
                .anyMatch(line -> line.startsWith("\"3\",\"CUS-2\",\"row\",\"name is required\""));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(path -> path.getFileName().toString().startsWith("rejects-"))).hasSize(1);
        }
    }

    /** The parameters a launch of that file for that feed has: the ones the launcher gives the job. */
    private JobParameters parameters(String feedName, Path file) {
        Feed feed = feeds.find(feedName);
        return ImportParameters.of(feed, inspector.inspect(file, feed.encoding(), feed.limits()), 0, null, false);
    }

    /**
     * An earlier execution of the step runner's job instance for these parameters, failed after its
     * customer step recorded this reject: what the report step finds when it runs on a restart.
     */
    private void rejectedEarlier(JobParameters parameters, Path file, RowReject reject) throws IOException {
        JobInstance instance = jobRepository.createJobInstance(StepRunner.JOB_NAME, parameters);
        JobExecution earlier = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        earlier.setStatus(BatchStatus.FAILED);
        earlier.setEndTime(LocalDateTime.now());
        jobRepository.update(earlier);
        String[] header = Files.readAllLines(file).get(0).split(",");
        rejects.recordRejects(new ImportRun(instance.getInstanceId(), earlier.getId(), DEMO), List.of(reject),
                new PiiMask(FileHeader.resolve(file, header, List.of())));
    }

    private List<String> definitions() {
        return jdbc.queryForList("select concat_ws('|', name, type) from customer_field_definition"
                + " where organization_id = ?", String.class, DEMO);
    }

    private Path csv(String name, String header, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), header + "\n" + String.join("\n", rows) + "\n");
    }
}
