package org.onboarding.job;

import java.util.List;

import org.onboarding.imports.ImportRun;
import org.onboarding.wallets.OpenedWallet;
import org.onboarding.webhooks.QueuedEvent;
import org.onboarding.webhooks.WebhookOutbox;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create Customer's {@code reserve_virtual_account.success} webhook (004), one per default wallet,
 * queued in the outbox in the transaction that opens the wallets: an event exists exactly when its
 * wallet does, whatever becomes of the import, and a chunk rolled back queues nothing. Each event's
 * key is its wallet's, so none is queued twice.
 */
class WalletOpenedEvents {

    static final String WALLET_OPENED = "reserve_virtual_account.success";

    private final WebhookOutbox outbox;
    private final JsonMapper json;
    private final ImportRun run;

    WalletOpenedEvents(WebhookOutbox outbox, JsonMapper json, ImportRun run) {
        this.outbox = outbox;
        this.json = json;
        this.run = run;
    }

    /** Queues the notifications of a chunk's wallets, in one statement. */
    void queue(List<OpenedWallet> wallets) {
        if (!wallets.isEmpty()) {
            outbox.queue(wallets.stream().map(this::walletOpened).toList());
        }
    }

    private QueuedEvent walletOpened(OpenedWallet wallet) {
        ObjectNode body = json.createObjectNode().put("event", WALLET_OPENED);
        ObjectNode data = body.putObject("data");
        data.putObject("customer").put("id", wallet.customerId().toString()).put("referenceId", wallet.referenceId());
        data.putObject("wallet").put("id", wallet.walletId().toString());
        data.putObject("virtualAccount").put("accountNumber", wallet.accountNumber())
                .put("accountName", wallet.accountName()).put("bankCode", wallet.bankCode())
                .put("bankName", wallet.bankName());
        data.put("createdAt", wallet.createdAt().toInstant().toString());
        return new QueuedEvent(run.organizationId(), WALLET_OPENED, WALLET_OPENED + ":" + wallet.walletId(),
                json.writeValueAsString(body), run.jobInstanceId());
    }
}
