package org.onboarding.job;

import java.nio.file.Path;

import org.onboarding.rejects.RejectReport;
import org.onboarding.rejects.RejectStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The import's report step: writes {@code reports/<feed>/rejects-<execution id>.csv} when the
 * import rejected any row or connection, and notes its path in the job's execution context for
 * the summary.
 */
public class RejectReportTasklet implements Tasklet {

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
        if (rejects.countRejectedRows(context.run().jobInstanceId()) == 0) {
            return RepeatStatus.FINISHED;
        }
        Path report = reportsDirectory.resolve(context.feed().name())
                .resolve("rejects-" + execution.getId() + ".csv").toAbsolutePath();
        new RejectReport(rejects).write(context.run().jobInstanceId(), context.header().names(), report);
        execution.getExecutionContext().putString(REPORT_PATH, report.toString());
        return RepeatStatus.FINISHED;
    }
}
