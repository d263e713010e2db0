package org.onboarding.wallets;

import static org.onboarding.db.SqlArrays.column;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.onboarding.db.SqlDialect;
import org.onboarding.feed.WalletSettings;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Opens a chunk's default wallets in three statements: one draws their account serials from a
 * sequence (never reused, so account numbers stay unique across the database even when a chunk
 * rolls back), one inserts them, binding whole columns as arrays; and one per chunk checks the
 * interest payout wallets the rows name.
 */
@Component
public class WalletStore {

    private static final String OPENED_BY = """
            select w.id, w.customer_id, c.reference_id, w.virtual_account_number, w.bank_code, w.bank_name,
                   w.account_name, w.created_at
            from wallet w join customer c on c.id = w.customer_id
            where w.created_job_instance_id = ?""";

    // The casts make H2 read the arrays' elements as uuids; PostgreSQL binds them as uuids already.
    private static final String INSERT = """
            insert into wallet (id, customer_id, is_default, currency, status, virtual_account_number, bank_code,
                                bank_name, account_name, interest_accrual_enabled, interest_payout_wallet_id,
                                withdrawal_limit_bypassed, created_job_instance_id)
            select cast(u.id as uuid), cast(u.customer_id as uuid), true, ?, 'ACTIVE', u.account_number, ?, ?,
                   u.account_name, u.accrual, cast(u.payout as uuid), u.bypass, ?
            from unnest(%s)
                 as u(id, customer_id, account_number, account_name, accrual, payout, bypass)""";

    private static final String WALLETS_OF = """
            select w.id from wallet w join customer c on c.id = w.customer_id
            where c.organization_id = ? and w.id in (select cast(x.id as uuid) from unnest(?) as x(id))""";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String nextSerials;
    private final String insert;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public WalletStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.nextSerials = dialect.nextValues("wallet_account_serial");
        this.insert = INSERT.formatted(dialect.arrays("uuid", "uuid", "varchar", "varchar", "boolean", "uuid", "boolean"));
    }

    /**
     * Refreshes the wallet table's statistics before the wallets an import opened are read back: with
     * none, the planner sorts every wallet after the page's start for each page, instead of walking the index.
     */
    public void refreshStatistics() {
        dialect.refreshStatistics("wallet");
    }

    /** The wallets an import opened, in id order after the given one (null: from the first), a page at a time. */
    public List<OpenedWallet> openedBy(long jobInstanceId, UUID after, int limit) {
        // Two statements rather than "? is null or id > ?", which no index can serve.
        String sql = OPENED_BY + (after == null ? "" : " and w.id > ?") + " order by w.id limit ?";
        Object[] arguments = after == null ? new Object[] {jobInstanceId, limit} : new Object[] {jobInstanceId, after, limit};
        return jdbc.query(sql, (row, i) -> new OpenedWallet(row.getObject(1, UUID.class),
                row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), row.getObject(8, OffsetDateTime.class)), arguments);
    }

    /** Those of these wallet ids that are wallets of the organisation. */
    public Set<UUID> walletsOf(UUID organizationId, Collection<UUID> walletIds) {
        if (walletIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((ConnectionCallback<Set<UUID>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(WALLETS_OF)) {
                statement.setObject(1, organizationId);
                statement.setArray(2, connection.createArrayOf("uuid", walletIds.toArray()));
                Set<UUID> found = new HashSet<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
    }

    /** Opens the default wallets, each with a NUBAN drawn under the settings' bank code; returns how many. */
    public int openDefaultWallets(List<NewWallet> wallets, WalletSettings settings, long jobInstanceId) {
        if (wallets.isEmpty()) {
            return 0;
        }
        List<Long> serials = jdbc.queryForList(nextSerials, Long.class, wallets.size());
        List<String> accountNumbers = new ArrayList<>();
        for (long serial : serials) {
            accountNumbers.add(Nuban.of(settings.bankCode(), serial));
        }
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, settings.currency());
                statement.setString(2, settings.bankCode());
                statement.setString(3, settings.bankName());
                statement.setLong(4, jobInstanceId);
                statement.setArray(5, column(connection, "uuid", wallets, wallet -> ids.generate()));
                statement.setArray(6, column(connection, "uuid", wallets, NewWallet::customerId));
                statement.setArray(7, connection.createArrayOf("varchar", accountNumbers.toArray()));
                statement.setArray(8, column(connection, "varchar", wallets, NewWallet::accountName));
                statement.setArray(9, column(connection, "boolean", wallets, NewWallet::interestAccrual));
                statement.setArray(10, column(connection, "uuid", wallets, NewWallet::interestPayoutWallet));
                statement.setArray(11, column(connection, "boolean", wallets, NewWallet::withdrawalLimitBypassed));
                return statement.executeUpdate();
            }
        });
    }
}
