package org.onboarding.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of {@link FaultInjection#failConnectionsOf}: fails connections held by the customers listed in {@code test_fault}. */
public class H2ConnectionFaultTrigger implements Trigger {

    private static final int CUSTOMER_ID = 0;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from customer c join test_fault f on f.reference_id = c.reference_id where c.id = ?")) {
            statement.setObject(1, newRow[CUSTOMER_ID]);
            try (ResultSet found = statement.executeQuery()) {
                if (found.next()) {
                    throw new SQLException("injected fault connecting " + newRow[CUSTOMER_ID], "P0001");
                }
            }
        }
    }
}
