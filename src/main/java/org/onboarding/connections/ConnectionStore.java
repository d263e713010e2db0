package org.onboarding.connections;

import static org.onboarding.db.SqlArrays.column;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.onboarding.db.SqlArrays;
import org.onboarding.db.SqlDialect;
import org.onboarding.db.Upsert;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a chunk's connections in one statement each way, binding whole columns as arrays:
 * insert what is missing (never a duplicate: the key is customer, related customer and role),
 * and, for customers whose cell is their full list, remove what the cell no longer names.
 */
@Component
public class ConnectionStore {

    // The chunk's connections, one array a column, each stored as created by the import's instance.
    private static final String ROWS = """
            select u.customer_id, u.related_customer_id, u.role, cast(? as bigint)
            from unnest(%s) as u(customer_id, related_customer_id, role)""";

    // The casts compare the arrays' elements as uuids: SqlArrays binds uuids as text, and H2 takes them as bound.
    private static final String REMOVE_OTHERS = """
            delete from customer_connection c
            where c.customer_id in (select cast(h.id as uuid) from unnest(?) as h(id))
              and not exists (select 1 from unnest(?, ?, ?) as k(customer_id, related_customer_id, role)
                              where cast(k.customer_id as uuid) = c.customer_id
                                and cast(k.related_customer_id as uuid) = c.related_customer_id
                                and k.role = c.role)""";

    private final JdbcTemplate jdbc;
    private final String insertMissing;

    public ConnectionStore(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        // Nothing to update: a connection stored already is left as it is.
        this.insertMissing = dialect.upsert(Upsert.into("customer_connection", "customer_id", "related_customer_id",
                        "role", "created_job_instance_id")
                .key("customer_id", "related_customer_id", "role")
                .rows(ROWS.formatted(dialect.arrays("uuid", "uuid", "varchar"))));
    }

    /** Stores the connections not stored yet; returns how many were new. */
    public int insertMissing(List<Connection> connections, long jobInstanceId) {
        if (connections.isEmpty()) {
            return 0;
        }
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var statement = connection.prepareStatement(insertMissing)) {
                statement.setLong(1, jobInstanceId);
                statement.setArray(2, column(connection, "uuid", connections, Connection::customerId));
                statement.setArray(3, column(connection, "uuid", connections, Connection::relatedCustomerId));
                statement.setArray(4, column(connection, "varchar", connections, c -> c.role().name()));
                return statement.executeUpdate();
            }
        });
    }

    /** Removes the connections these customers hold that are not among {@code keep}; returns how many. */
    public int removeOthers(Collection<UUID> customers, List<Connection> keep) {
        if (customers.isEmpty()) {
            return 0;
        }
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var statement = connection.prepareStatement(REMOVE_OTHERS)) {
                statement.setArray(1, SqlArrays.of(connection, "uuid", customers));
                statement.setArray(2, column(connection, "uuid", keep, Connection::customerId));
                statement.setArray(3, column(connection, "uuid", keep, Connection::relatedCustomerId));
                statement.setArray(4, column(connection, "varchar", keep, c -> c.role().name()));
                return statement.executeUpdate();
            }
        });
    }
}
