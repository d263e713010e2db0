package org.onboarding.wallets;

import java.util.UUID;

/** The default wallet of a customer an import creates, before its account number is drawn. */
record NewWallet(UUID customerId, String referenceId, String accountName, boolean interestAccrual, UUID interestPayoutWallet,
        boolean withdrawalLimitBypassed) {
}
