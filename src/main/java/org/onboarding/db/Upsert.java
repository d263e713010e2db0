package org.onboarding.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows to insert unless their key finds a stored row, and what to set in a row it finds: stated once by
 * a store, written by the {@link SqlDialect} as PostgreSQL's {@code INSERT … ON CONFLICT} or H2's
 * {@code MERGE}. With nothing to set, a row already stored is left as it is.
 */
public final class Upsert {

    enum Kind {
        /** The column takes the incoming row's value. */
        REPLACE,
        /** The column takes the incoming row's value unless that is null: an empty value never overwrites. */
        KEEP_WHERE_NULL,
        /** The column takes the value of an expression of neither row. */
        SET
    }

    record Assignment(String column, Kind kind, String expression) {
    }

    private final String table;
    private final List<String> columns;
    private final List<String> key = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private String rows;

    private Upsert(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** An upsert into these columns of the table. */
    public static Upsert into(String table, String... columns) {
        return new Upsert(table, List.of(columns));
    }

    /** The columns whose values find a stored row (a unique key of the table). */
    public Upsert key(String... columns) {
        key.addAll(List.of(columns));
        return this;
    }

    /** The rows to insert: a query, or {@code VALUES}, giving each row's values in the columns' order. */
    public Upsert rows(String rows) {
        this.rows = rows;
        return this;
    }

    /** These columns of a stored row take the incoming values. */
    public Upsert replace(String... columns) {
        for (String column : columns) {
            assignments.add(new Assignment(column, Kind.REPLACE, null));
        }
        return this;
    }

    /** These columns of a stored row take the incoming values that are not null. */
    public Upsert keepWhereNull(String... columns) {
        for (String column : columns) {
            assignments.add(new Assignment(column, Kind.KEEP_WHERE_NULL, null));
        }
        return this;
    }

    /** The column of a stored row takes the expression's value (it names neither row). */
    public Upsert set(String column, String expression) {
        assignments.add(new Assignment(column, Kind.SET, expression));
        return this;
    }

    String table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    List<String> key() {
        return key;
    }

    String rows() {
        return rows;
    }

    List<Assignment> assignments() {
        return assignments;
    }
}
