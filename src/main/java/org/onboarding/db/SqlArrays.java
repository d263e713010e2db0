package org.onboarding.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Binds one column of a chunk's rows as an SQL array, the way every per-chunk statement passes a
 * whole column in one parameter ({@code unnest(?, ?, …)}).
 * <p>
 * Text, numbers and booleans go in an array of their own Java type, which the PostgreSQL driver sends
 * in binary form. An {@code Object[]} it writes out as one text literal, escaping every character of
 * every element, and the server parses it back: for a million events' JSON payloads that was 5% of
 * the import's CPU in the JVM alone.
 * <p>
 * The driver has no binary form for UUIDs or JSON, so a {@code uuid} or {@code json} column goes as
 * its values' text in a {@code varchar} array, and every statement casts it back ({@code ?::uuid[]},
 * {@code cast(… as uuid)}, {@code cast(? as uuid array)}): escaped one character at a time, a chunk's
 * eleven thousand UUIDs were a seventh of a writer thread's CPU.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** The values of one column of the rows, as an array of the given SQL type. */
    public static <T> Array column(Connection connection, String type, List<T> rows, Function<T, ?> value)
            throws SQLException {
        return of(connection, type, rows.stream().map(value).toList());
    }

    /** Values as an array of the given SQL type (without a length: {@code varchar}, not {@code varchar(100)}). */
    public static Array of(Connection connection, String type, Collection<?> values) throws SQLException {
        if (boundAsText(type)) {
            return connection.createArrayOf("varchar",
                    values.stream().map(value -> Objects.toString(value, null)).toArray(String[]::new));
        }
        return connection.createArrayOf(type, values.toArray(elements(type)));
    }

    /** Whether an array of this type goes as its values' text, which the statement casts back: UUIDs and JSON. */
    static boolean boundAsText(String type) {
        return "uuid".equals(type) || "json".equals(type);
    }

    /** An empty array of the Java type the driver binds in binary form for this SQL type, where it has one. */
    private static Object[] elements(String type) {
        return switch (type) {
            case "varchar", "text" -> new String[0];
            case "bigint", "int8" -> new Long[0];
            case "integer", "int4" -> new Integer[0];
            case "boolean" -> new Boolean[0];
            default -> new Object[0];
        };
    }
}
