package org.onboarding.wallets;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A default wallet an import opened, as its notification describes it. */
public record OpenedWallet(UUID walletId, UUID customerId, String referenceId, String accountNumber, String bankCode,
        String bankName, String accountName, OffsetDateTime createdAt) {
}
