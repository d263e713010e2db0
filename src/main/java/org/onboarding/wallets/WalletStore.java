package org.onboarding.wallets;

import static org.onboarding.db.SqlArrays.column;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.onboarding.db.SqlArrays;
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

    // The casts read the arrays' elements as uuids: H2 takes them as bound, and SqlArrays binds uuids as text.
    private static final String INSERT = """
            insert into wallet (id, customer_id, is_default, currency, status, virtual_account_number, bank_code,
                                bank_name, account_name, interest_accrual_enabled, interest_payout_wallet_id,
                                withdrawal_limit_bypassed, created_job_instance_id, created_at)
            select cast(u.id as uuid), cast(u.customer_id as uuid), true, ?, 'ACTIVE', u.account_number, ?, ?,
                   u.account_name, u.accrual, cast(u.payout as uuid), u.bypass, ?,
                   cast(? as timestamp with time zone)
            from unnest(%s)
                 as u(id, customer_id, account_number, account_name, accrual, payout, bypass)""";

    private static final String WALLETS_OF = """
            select w.id from wallet w join customer c on c.id = w.customer_id
            where c.organization_id = ? and w.id in (select cast(x.id as uuid) from unnest(?) as x(id))""";

    private final JdbcTemplate jdbc;
    private final String nextSerials;
    private final String insert;
    private final Clock clock;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public WalletStore(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nextSerials = dialect.nextValues("wallet_account_serial");
        this.insert = INSERT.formatted(dialect.arrays("uuid", "uuid", "varchar", "varchar", "boolean", "uuid", "boolean"));
    }

    /** Those of these wallet ids that are wallets of the organisation. */
    public Set<UUID> walletsOf(UUID organizationId, Collection<UUID> walletIds) {
        if (walletIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((ConnectionCallback<Set<UUID>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(WALLETS_OF)) {
                statement.setObject(1, organizationId);
                statement.setArray(2, SqlArrays.of(connection, "uuid", walletIds));
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

    /**
     * Opens the default wallets, each with a NUBAN drawn under the settings' bank code, all created at
     * one instant of the clock (the chunk's, as the database's own default would give a transaction);
     * returns them as their notifications describe them.
     */
    public List<OpenedWallet> openDefaultWallets(List<NewWallet> wallets, WalletSettings settings, long jobInstanceId) {
        if (wallets.isEmpty()) {
            return List.of();
        }
        List<Long> serials = jdbc.queryForList(nextSerials, Long.class, wallets.size());
        OffsetDateTime createdAt = OffsetDateTime.now(clock);
        List<OpenedWallet> opened = new ArrayList<>(wallets.size());
        for (int i = 0; i < wallets.size(); i++) {
            NewWallet wallet = wallets.get(i);
            opened.add(new OpenedWallet(ids.generate(), wallet.customerId(), wallet.referenceId(),
                    Nuban.of(settings.bankCode(), serials.get(i)), settings.bankCode(), settings.bankName(),
                    wallet.accountName(), createdAt));
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, settings.currency());
                statement.setString(2, settings.bankCode());
                statement.setString(3, settings.bankName());
                statement.setLong(4, jobInstanceId);
                statement.setObject(5, createdAt);
                statement.setArray(6, column(connection, "uuid", opened, OpenedWallet::walletId));
                statement.setArray(7, column(connection, "uuid", opened, OpenedWallet::customerId));
                statement.setArray(8, column(connection, "varchar", opened, OpenedWallet::accountNumber));
                statement.setArray(9, column(connection, "varchar", opened, OpenedWallet::accountName));
                statement.setArray(10, column(connection, "boolean", wallets, NewWallet::interestAccrual));
                statement.setArray(11, column(connection, "uuid", wallets, NewWallet::interestPayoutWallet));
                statement.setArray(12, column(connection, "boolean", wallets, NewWallet::withdrawalLimitBypassed));
                return statement.executeUpdate();
            }
        });
        return opened;
    }
}
