package org.onboarding.job;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.onboarding.webhooks.QueuedEvent;
import org.onboarding.webhooks.WebhookOutbox;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queues {@code customer_import.failed} in the webhook outbox when an import execution fails, or is
 * marked FAILED after its process died ({@link #recovered}): once per execution (its key names the
 * execution), so the organisation hears of every failed run, and of a restart that then completes
 * through its {@code customer_import.completed}.
 */
@Component
class ImportFailureNotifier implements JobExecutionListener {

    public static final String IMPORT_FAILED = "customer_import.failed";

    private final WebhookOutbox outbox;
    private final ImportSummaries summaries;
    private final JsonMapper json;

    public ImportFailureNotifier(WebhookOutbox outbox, ImportSummaries summaries, JsonMapper json) {
        this.outbox = outbox;
        this.summaries = summaries;
        this.json = json;
    }

    /**
     * Tells of an execution that {@code recover} marked FAILED: its process died, so the job's own
     * listener never ran, and without this the organisation would never hear the import failed.
     */
    public void recovered(JobExecution execution) {
        afterJob(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return;
        }
        JobParameters parameters = execution.getJobParameters();
        ImportSummary summary = summaries.of(execution);
        ObjectNode body = json.createObjectNode().put("event", IMPORT_FAILED);
        body.putObject("data").put("executionId", execution.getId())
                .put("jobInstanceId", execution.getJobInstance().getInstanceId())
                .put("feed", parameters.getString(ImportParameters.FEED))
                .put("file", Path.of(parameters.getString(ImportParameters.FILE)).getFileName().toString())
                .put("rowsRead", summary.rowsRead())
                .put("failure", summary.failure());
        outbox.queue(List.of(new QueuedEvent(UUID.fromString(parameters.getString(ImportParameters.ORGANIZATION)),
                IMPORT_FAILED, IMPORT_FAILED + ":" + execution.getId(), json.writeValueAsString(body),
                execution.getJobInstance().getInstanceId())));
    }
}
