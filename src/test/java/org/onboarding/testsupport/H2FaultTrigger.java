package org.onboarding.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of {@link FaultInjection}: fails writes of the referenceIds listed in {@code test_fault}. */
public class H2FaultTrigger implements Trigger {

    private static final int REFERENCE_ID = 2;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from test_fault where reference_id = ?")) {
            statement.setObject(1, newRow[REFERENCE_ID]);
            try (ResultSet found = statement.executeQuery()) {
                if (found.next()) {
                    throw new SQLException("injected fault writing " + newRow[REFERENCE_ID], "P0001");
                }
            }
        }
    }
}
