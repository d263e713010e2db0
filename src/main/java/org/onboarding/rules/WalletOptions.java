package org.onboarding.rules;

import java.util.UUID;

/**
 * The options of Create Customer's default wallet a row may carry; null when its cell is empty.
 *
 * @param interestAccrual       enable_interest_accrual (true when absent)
 * @param interestPayoutWallet  interest_payout_wallet: an existing wallet of the organisation
 * @param bypassWithdrawalLimit bypass_withdrawal_limit_rule, honoured only at an allow-listed branch
 */
public record WalletOptions(Boolean interestAccrual, UUID interestPayoutWallet, Boolean bypassWithdrawalLimit) {

    public static final WalletOptions NONE = new WalletOptions(null, null, null);

    /** The later row's options over the earlier one's: its values win, its empty cells keep the earlier values. */
    public WalletOptions over(WalletOptions earlier) {
        return new WalletOptions(interestAccrual != null ? interestAccrual : earlier.interestAccrual,
                interestPayoutWallet != null ? interestPayoutWallet : earlier.interestPayoutWallet,
                bypassWithdrawalLimit != null ? bypassWithdrawalLimit : earlier.bypassWithdrawalLimit);
    }
}
