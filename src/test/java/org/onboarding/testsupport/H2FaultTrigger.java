package org.onboarding.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * H2's half of {@link FaultInjection}: fails writes of the customers listed in {@code test_fault}
 * (on {@code customer}) or of the connections they hold (on {@code customer_connection}).
 */
public class H2FaultTrigger implements Trigger {

    private static final int CUSTOMER_REFERENCE_ID = 2;
    private static final int CONNECTION_CUSTOMER_ID = 0;

    private boolean connections;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        connections = tableName.toLowerCase(Locale.ROOT).equals("customer_connection");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String listed = connections
                ? "select 1 from customer c join test_fault f on f.reference_id = c.reference_id where c.id = ?"
                : "select 1 from test_fault where reference_id = ?";
        Object key = connections ? newRow[CONNECTION_CUSTOMER_ID] : newRow[CUSTOMER_REFERENCE_ID];
        try (PreparedStatement statement = connection.prepareStatement(listed)) {
            statement.setObject(1, key);
            try (ResultSet found = statement.executeQuery()) {
                if (found.next()) {
                    throw new SQLException((connections ? "injected fault connecting " : "injected fault writing ")
                            + key, "P0001");
                }
            }
        }
    }
}
