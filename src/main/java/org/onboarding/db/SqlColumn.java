package org.onboarding.db;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One column of the rows a statement inserts: its name, its SQL type ({@code json} for JSON text,
 * whichever way the database stores it) and its value in each row, or one value for every row.
 */
public final class SqlColumn {

    private final String name;
    private final String type;
    private final List<?> values;
    private final boolean same;

    private SqlColumn(String name, String type, List<?> values, boolean same) {
        this.name = name;
        this.type = type;
        this.values = values;
        this.same = same;
    }

    /** The column's value in each row, in the rows' order. */
    public static <T> SqlColumn of(String name, String type, List<T> rows, Function<T, ?> value) {
        return new SqlColumn(name, type, rows.stream().map(value).toList(), false);
    }

    /** One value for every row: bound once where the database allows. */
    public static SqlColumn same(String name, String type, Object value) {
        return new SqlColumn(name, type, Collections.singletonList(value), true);
    }

    String name() {
        return name;
    }

    String type() {
        return type;
    }

    /** The values of each row, or the one value for every row. */
    List<?> values() {
        return values;
    }

    boolean same() {
        return same;
    }

    /** The value in the row of this index. */
    Object value(int row) {
        return same ? values.get(0) : values.get(row);
    }
}
