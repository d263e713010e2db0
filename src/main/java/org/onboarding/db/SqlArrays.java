package org.onboarding.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds one column of a chunk's rows as an SQL array, the way every per-chunk statement passes a
 * whole column in one parameter ({@code unnest(?, ?, …)}).
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** The values of one column of the rows, as an array of the given SQL type. */
    public static <T> Array column(Connection connection, String type, List<T> rows, Function<T, ?> value)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(value).toArray());
    }
}
