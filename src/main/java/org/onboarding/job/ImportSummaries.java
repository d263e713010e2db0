package org.onboarding.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.onboarding.customers.ImportCounts;
import org.onboarding.customers.ImportTally;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/** Builds an {@link ImportSummary} from what the job repository holds of an execution. */
@Component
public class ImportSummaries {

    private final JobRepository jobRepository;

    public ImportSummaries(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    public ImportSummary of(JobExecution execution) {
        StepExecution customers = jobRepository.getLastStepExecution(execution.getJobInstance(),
                CustomerImportJobConfiguration.CUSTOMERS_STEP);
        ExecutionContext context = customers == null ? new ExecutionContext() : customers.getExecutionContext();
        long headerWarnings = firstExecution(execution).getExecutionContext()
                .getLong(PrepareImportTasklet.HEADER_WARNINGS, 0);
        ImportCounts counts = new ImportTally().read(context).plus(new ImportCounts(0, 0, 0, 0, headerWarnings));
        long rowsThisRun = customers != null && customers.getJobExecutionId() == execution.getId()
                ? customers.getReadCount() : 0;
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        String report = execution.getExecutionContext().getString(RejectReportTasklet.REPORT_PATH, null);
        return new ImportSummary(execution.getId(), execution.getJobInstance().getInstanceId(), execution.getStatus(),
                counts.rows(), rowsThisRun, counts, Duration.between(start, end), report, failure(execution));
    }

    /** The execution that ran the prepare step: a restart skips it, so its context stays with the first one. */
    private JobExecution firstExecution(JobExecution execution) {
        return jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .min(java.util.Comparator.comparing(JobExecution::getId)).orElse(execution);
    }

    private static String failure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst().map(ImportSummaries::rootMessage).orElse(null);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
