package org.onboarding.job;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onboarding.imports.ImportRun;
import org.onboarding.wallets.OpenedWallet;
import org.onboarding.webhooks.QueuedEvent;
import org.onboarding.webhooks.WebhookOutbox;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Create Customer's {@code reserve_virtual_account.success} webhook (004), one per default wallet,
 * queued in the outbox in the transaction that opens the wallets: an event exists exactly when its
 * wallet does, whatever becomes of the import, and a chunk rolled back queues nothing. Each event's
 * key is its wallet's, so none is queued twice: the wallet is new in the same transaction, so its
 * event cannot be queued yet, and goes in without the outbox's check for a queued key.
 */
class WalletOpenedEvents {

    static final String WALLET_OPENED = "reserve_virtual_account.success";

    private final WebhookOutbox outbox;
    private final ObjectWriter payloads;
    private final ImportRun run;

    WalletOpenedEvents(WebhookOutbox outbox, JsonMapper json, ImportRun run) {
        this.outbox = outbox;
        this.payloads = json.writerFor(Payload.class);
        this.run = run;
    }

    /** Queues the notifications of a chunk's wallets, in one statement. */
    void queue(List<OpenedWallet> wallets) {
        if (!wallets.isEmpty()) {
            // A chunk's wallets are opened at one instant: it is written out once, not once per event.
            Map<OffsetDateTime, String> instants = new HashMap<>();
            outbox.queueNew(wallets.stream().map(wallet -> walletOpened(wallet,
                    instants.computeIfAbsent(wallet.createdAt(), at -> at.toInstant().toString()))).toList());
        }
    }

    private QueuedEvent walletOpened(OpenedWallet wallet, String createdAt) {
        Payload payload = new Payload(WALLET_OPENED, new Data(
                new Customer(wallet.customerId().toString(), wallet.referenceId()),
                new Wallet(wallet.walletId().toString()),
                new VirtualAccount(wallet.accountNumber(), wallet.accountName(), wallet.bankCode(), wallet.bankName()),
                createdAt));
        return new QueuedEvent(run.organizationId(), WALLET_OPENED, WALLET_OPENED + ":" + wallet.walletId(),
                payloads.writeValueAsString(payload), run.jobInstanceId());
    }

    // The event's body, written by Jackson in the records' field order: cheaper than a tree of nodes a
    // million times over.
    private record Payload(String event, Data data) {
    }

    private record Data(Customer customer, Wallet wallet, VirtualAccount virtualAccount, String createdAt) {
    }

    private record Customer(String id, String referenceId) {
    }

    private record Wallet(String id) {
    }

    private record VirtualAccount(String accountNumber, String accountName, String bankCode, String bankName) {
    }
}
