package org.onboarding.job;

import java.util.List;
import java.util.UUID;

import org.onboarding.imports.ConnectionCounts;
import org.onboarding.imports.ImportCounts;
import org.onboarding.wallets.OpenedWallet;
import org.onboarding.wallets.WalletStore;
import org.onboarding.webhooks.QueuedEvent;
import org.onboarding.webhooks.WebhookOutbox;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import's last step: queues its notifications in the webhook outbox — one
 * {@code reserve_virtual_account.success} per default wallet the import opened (004), a page of
 * wallets per transaction, and one {@code customer_import.completed} summary. Each event has a
 * key of its own, so a restarted step queues none twice; and as it reads the wallets committed,
 * no event is queued for a customer whose chunk was rolled back.
 */
class QueueNotificationsTasklet implements Tasklet {

    public static final String WALLET_OPENED = "reserve_virtual_account.success";
    public static final String IMPORT_COMPLETED = "customer_import.completed";
    private static final String LAST_WALLET = "notifications.lastWallet";
    private static final int PAGE = 1000;

    private final ImportContextFactory contexts;
    private final ImportSummaries summaries;
    private final WalletStore wallets;
    private final WebhookOutbox outbox;
    private final JsonMapper json;

    public QueueNotificationsTasklet(ImportContextFactory contexts, ImportSummaries summaries, WalletStore wallets,
            WebhookOutbox outbox, JsonMapper json) {
        this.contexts = contexts;
        this.summaries = summaries;
        this.wallets = wallets;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext step = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ImportContext context = contexts.create(execution);
        String last = step.getString(LAST_WALLET, null);
        if (last == null) {
            wallets.refreshStatistics();
        }
        List<OpenedWallet> page = wallets.openedBy(context.run().jobInstanceId(),
                last == null ? null : UUID.fromString(last), PAGE);
        if (!page.isEmpty()) {
            outbox.queue(page.stream().map(wallet -> walletOpened(context, wallet)).toList());
            step.putString(LAST_WALLET, page.get(page.size() - 1).walletId().toString());
            return RepeatStatus.CONTINUABLE;
        }
        outbox.queue(List.of(importCompleted(context, execution)));
        return RepeatStatus.FINISHED;
    }

    private QueuedEvent walletOpened(ImportContext context, OpenedWallet wallet) {
        ObjectNode body = json.createObjectNode().put("event", WALLET_OPENED);
        ObjectNode data = body.putObject("data");
        data.putObject("customer").put("id", wallet.customerId().toString()).put("referenceId", wallet.referenceId());
        data.putObject("wallet").put("id", wallet.walletId().toString());
        data.putObject("virtualAccount").put("accountNumber", wallet.accountNumber())
                .put("accountName", wallet.accountName()).put("bankCode", wallet.bankCode())
                .put("bankName", wallet.bankName());
        data.put("createdAt", wallet.createdAt().toInstant().toString());
        return new QueuedEvent(context.run().organizationId(), WALLET_OPENED,
                WALLET_OPENED + ":" + wallet.walletId(), json.writeValueAsString(body), context.run().jobInstanceId());
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
