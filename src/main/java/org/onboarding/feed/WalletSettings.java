package org.onboarding.feed;

import java.util.List;

/**
 * A feed's default wallets ({@code "wallets"} in {@code jobs/<name>.json}): whether every customer
 * an import creates gets one, and the bank its virtual account is held at.
 *
 * @param enabled                       whether new customers get a default wallet
 * @param bankCode                      the bank's CBN code, three or six digits, that NUBANs are computed under
 * @param bankName                      the bank's name, as the virtual account shows it
 * @param currency                      the wallets' currency; NGN when absent
 * @param branch                        the business branch the feed's customers are onboarded at
 * @param bypassWithdrawalLimitBranches the branches allowed to honour a row's bypass_withdrawal_limit_rule
 */
public record WalletSettings(boolean enabled, String bankCode, String bankName, String currency, String branch,
        List<String> bypassWithdrawalLimitBranches) {

    public static final WalletSettings NONE = new WalletSettings(false, null, null, null, null, null);

    public WalletSettings {
        currency = currency == null ? "NGN" : currency;
        bypassWithdrawalLimitBranches = bypassWithdrawalLimitBranches == null ? List.of()
                : List.copyOf(bypassWithdrawalLimitBranches);
        if (enabled && bankCode == null) {
            throw new IllegalArgumentException("\"wallets\" needs \"bankCode\", the bank's CBN code of 3 or 6 digits,"
                    + " when wallets are enabled");
        }
        if (enabled && !bankCode.matches("[0-9]{3}|[0-9]{6}")) {
            throw new IllegalArgumentException("\"bankCode\" must be the bank's CBN code of 3 or 6 digits, not \""
                    + bankCode + "\"");
        }
        if (enabled && (bankName == null || bankName.isBlank())) {
            throw new IllegalArgumentException("\"wallets\" needs \"bankName\" when wallets are enabled");
        }
    }

    /** Whether a row asking to bypass the withdrawal limit rule is honoured: only at an allow-listed branch. */
    public boolean honoursWithdrawalLimitBypass() {
        return branch != null && bypassWithdrawalLimitBranches.contains(branch);
    }
}
