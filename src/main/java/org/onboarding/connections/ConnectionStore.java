package org.onboarding.connections;

import static org.onboarding.db.SqlArrays.column;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.onboarding.db.Database;
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

    private static final String POSTGRES_INSERT = """
            insert into customer_connection (customer_id, related_customer_id, role, created_job_instance_id)
            select u.customer_id, u.related_customer_id, u.role, ?
            from unnest(?::uuid[], ?::uuid[], ?::varchar[]) as u(customer_id, related_customer_id, role)
            on conflict do nothing""";

    private static final String H2_INSERT = """
            merge into customer_connection c
            using (select * from unnest(?, ?, ?)) as u(customer_id, related_customer_id, role)
            on c.customer_id = u.customer_id and c.related_customer_id = u.related_customer_id and c.role = u.role
            when not matched then insert (customer_id, related_customer_id, role, created_job_instance_id)
                values (u.customer_id, u.related_customer_id, u.role, ?)""";

    // The casts make H2 compare the arrays' elements as uuids, as PostgreSQL does from their type.
    private static final String REMOVE_OTHERS = """
            delete from customer_connection c
            where c.customer_id in (select cast(h.id as uuid) from unnest(?) as h(id))
              and not exists (select 1 from unnest(?, ?, ?) as k(customer_id, related_customer_id, role)
                              where cast(k.customer_id as uuid) = c.customer_id
                                and cast(k.related_customer_id as uuid) = c.related_customer_id
                                and k.role = c.role)""";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public ConnectionStore(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.postgres = database.isPostgres();
    }

    /** Stores the connections not stored yet; returns how many were new. */
    public int insertMissing(List<Connection> connections, long jobInstanceId) {
        if (connections.isEmpty()) {
            return 0;
        }
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var statement = connection.prepareStatement(postgres ? POSTGRES_INSERT : H2_INSERT)) {
                int p = 1;
                if (postgres) {
                    statement.setLong(p++, jobInstanceId);
                }
                statement.setArray(p++, column(connection, "uuid", connections, Connection::customerId));
                statement.setArray(p++, column(connection, "uuid", connections, Connection::relatedCustomerId));
                statement.setArray(p++, column(connection, "varchar", connections, c -> c.role().name()));
                if (!postgres) {
                    statement.setLong(p, jobInstanceId);
                }
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
                statement.setArray(1, connection.createArrayOf("uuid", customers.toArray()));
                statement.setArray(2, column(connection, "uuid", keep, Connection::customerId));
                statement.setArray(3, column(connection, "uuid", keep, Connection::relatedCustomerId));
                statement.setArray(4, column(connection, "varchar", keep, c -> c.role().name()));
                return statement.executeUpdate();
            }
        });
    }
}
