package org.onboarding.job;

import java.util.List;

import org.onboarding.imports.ConnectionCounts;
import org.onboarding.imports.ImportCounts;
import org.onboarding.webhooks.QueuedEvent;
import org.onboarding.webhooks.WebhookOutbox;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import's last step: queues its {@code customer_import.completed} summary in the webhook outbox,
 * once every customer, wallet and connection is committed. (The wallets' own notifications were
 * queued with the wallets, by {@link WalletOpenedEvents}.) The event's key is the import's, so a
 * restarted step never queues it twice.
 */
class QueueNotificationsTasklet implements Tasklet {

    static final String IMPORT_COMPLETED = "customer_import.completed";

    private final ImportContextFactory contexts;
    private final ImportSummaries summaries;
    private final WebhookOutbox outbox;
    private final JsonMapper json;

    QueueNotificationsTasklet(ImportContextFactory contexts, ImportSummaries summaries, WebhookOutbox outbox,
            JsonMapper json) {
        this.contexts = contexts;
        this.summaries = summaries;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        outbox.queue(List.of(importCompleted(contexts.create(execution), execution)));
        return RepeatStatus.FINISHED;
    }

    private QueuedEvent importCompleted(ImportContext context, JobExecution execution) {
        ImportSummary summary = summaries.of(execution);
        ImportCounts counts = summary.counts();
        ConnectionCounts connections = counts.connections();
        ObjectNode body = json.createObjectNode().put("event", IMPORT_COMPLETED);
        ObjectNode data = body.putObject("data");
        data.put("executionId", summary.executionId()).put("jobInstanceId", summary.jobInstanceId())
                .put("feed", context.feed().name()).put("file", context.file().getFileName().toString())
                .put("rowsRead", summary.rowsRead()).put("created", counts.created()).put("updated", counts.updated())
                .put("matched", counts.matched()).put("rejected", counts.rejected()).put("warnings", counts.warnings())
                .put("wallets", counts.wallets());
        data.putObject("connections").put("created", connections.created()).put("present", connections.present())
                .put("removed", connections.removed()).put("rejected", connections.rejected());
        data.put("rejectReport", summary.reportPath());
        return new QueuedEvent(context.run().organizationId(), IMPORT_COMPLETED,
                IMPORT_COMPLETED + ":" + context.run().jobInstanceId(), json.writeValueAsString(body),
                context.run().jobInstanceId());
    }
}
