package org.onboarding.job;

import java.nio.file.Path;
import java.util.List;

import org.onboarding.file.StandardColumn;
import org.onboarding.rejects.RejectReport;
import org.onboarding.rejects.RejectStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The import's report step: writes {@code reports/<feed>/rejects-<execution id>.csv} when the
 * import rejected any row or connection, and notes the path it wrote in the job's execution
 * context for the summary and {@code show}. The name is taken only when free (another database
 * sharing the folder numbers its executions from 1 too), else {@code rejects-<id>.copy-N.csv}; a
 * restart of this step rewrites the report it noted, since that one is this import's own.
 */
class RejectReportTasklet implements Tasklet {

    public static final String REPORT_PATH = "report.path";

    private final ImportContextFactory contexts;
    private final RejectStore rejects;
    private final Path reportsDirectory;

    public RejectReportTasklet(ImportContextFactory contexts, RejectStore rejects, Path reportsDirectory) {
        this.contexts = contexts;
        this.rejects = rejects;
        this.reportsDirectory = reportsDirectory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ImportContext context = contexts.create(execution);
        long jobInstanceId = context.run().jobInstanceId();
        if (rejects.countRejectedRows(jobInstanceId) == 0) {
            return RepeatStatus.FINISHED;
        }
        List<String> header = context.header().names();
        int referenceIdColumn = context.header().indexOf(StandardColumn.REFERENCE_ID);
        RejectReport report = new RejectReport(rejects);
        String written = execution.getExecutionContext().getString(REPORT_PATH, null);
        if (written != null) {
            report.rewrite(jobInstanceId, header, referenceIdColumn, Path.of(written));
            return RepeatStatus.FINISHED;
        }
        Path preferred = reportsDirectory.resolve(context.feed().name())
                .resolve("rejects-" + execution.getId() + ".csv").toAbsolutePath();
        Path path = report.writeNew(jobInstanceId, header, referenceIdColumn, preferred);
        execution.getExecutionContext().putString(REPORT_PATH, path.toString());
        return RepeatStatus.FINISHED;
    }
}
