package org.onboarding.wallets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.onboarding.customers.CustomerUpsert;
import org.onboarding.feed.WalletSettings;
import org.onboarding.imports.ImportWarning;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.rules.Violation;
import org.onboarding.rules.WalletOptions;

/**
 * Create Customer's default wallet, for every customer an import creates (never for one it
 * updates), in the same transaction as its customer, so a restart never opens a second one. A
 * row naming an interest payout wallet the organisation does not have is rejected; a row asking
 * to bypass the withdrawal limit rule is honoured only at a branch the feed allows, and otherwise
 * ignored with a warning.
 */
public class DefaultWallets {

    private final WalletStore store;
    private final WalletSettings settings;
    private final UUID organizationId;
    private final long jobInstanceId;

    public DefaultWallets(WalletStore store, WalletSettings settings, UUID organizationId, long jobInstanceId) {
        this.store = store;
        this.settings = settings;
        this.organizationId = organizationId;
        this.jobInstanceId = jobInstanceId;
    }

    /** The rows, with those naming an interest payout wallet the organisation does not have rejected. */
    public List<ValidatedRow> checkPayoutWallets(List<ValidatedRow> rows) {
        if (!settings.enabled()) {
            return rows;
        }
        Set<UUID> named = new HashSet<>();
        rows.stream().filter(ValidatedRow::isValid).map(row -> row.customer().walletOptions().interestPayoutWallet())
                .filter(java.util.Objects::nonNull).forEach(named::add);
        if (named.isEmpty()) {
            return rows;
        }
        Set<UUID> existing = store.walletsOf(organizationId, named);
        List<ValidatedRow> checked = new ArrayList<>(rows.size());
        for (ValidatedRow row : rows) {
            UUID payout = row.isValid() ? row.customer().walletOptions().interestPayoutWallet() : null;
            checked.add(payout == null || existing.contains(payout) ? row
                    : ValidatedRow.rejected(row.record(), row.referenceId(), List.of(new Violation(
                            "interest_payout_wallet", "interest_payout_wallet " + payout
                                    + " is not a wallet of the organisation"))).withConnects(row.connects()));
        }
        return checked;
    }

    /** Opens the default wallets of the chunk's new customers; returns them, and the warnings of the bypasses ignored. */
    public Opened open(List<CustomerUpsert> upserts) {
        if (!settings.enabled()) {
            return new Opened(List.of(), List.of());
        }
        List<NewWallet> wallets = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        for (CustomerUpsert upsert : upserts) {
            WalletOptions options = upsert.customer().walletOptions();
            boolean bypass = Boolean.TRUE.equals(options.bypassWithdrawalLimit());
            if (bypass && !settings.honoursWithdrawalLimitBypass()) {
                warnings.add(new ImportWarning(upsert.line(), upsert.customer().referenceId(),
                        "bypass_withdrawal_limit_rule", "bypass_withdrawal_limit_rule is ignored: branch "
                                + settings.branch() + " is not allowed to bypass the withdrawal limit rule"));
            }
            if (upsert.created()) {
                wallets.add(new NewWallet(upsert.id(), upsert.customer().referenceId(), upsert.customer().name(),
                        !Boolean.FALSE.equals(options.interestAccrual()), options.interestPayoutWallet(),
                        bypass && settings.honoursWithdrawalLimitBypass()));
            }
        }
        return new Opened(store.openDefaultWallets(wallets, settings, jobInstanceId), warnings);
    }

    /** What a chunk's wallets came to: the wallets opened, and the warnings of the bypasses ignored. */
    public record Opened(List<OpenedWallet> wallets, List<ImportWarning> warnings) {
    }
}
