package org.onboarding.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/** PostgreSQL: upserts with {@code ON CONFLICT}, whole columns bound as typed arrays. */
final class PostgresDialect implements SqlDialect {

    private final DataSource dataSource;

    PostgresDialect(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String arrays(String... elementTypes) {
        return Arrays.stream(elementTypes).map(type -> "?::" + type + "[]").collect(Collectors.joining(", "));
    }

    @Override
    public String upsert(Upsert upsert) {
        String insert = "insert into " + upsert.table() + " (" + String.join(", ", upsert.columns()) + ")\n"
                + upsert.rows() + "\non conflict (" + String.join(", ", upsert.key()) + ") do ";
        if (upsert.assignments().isEmpty()) {
            return insert + "nothing";
        }
        return insert + "update set " + upsert.assignments().stream().map(assignment -> {
            String column = assignment.column();
            return column + " = " + switch (assignment.kind()) {
                case REPLACE -> "excluded." + column;
                case KEEP_WHERE_NULL -> "coalesce(excluded." + column + ", " + upsert.table() + "." + column + ")";
                case SET -> assignment.expression();
            };
        }).collect(Collectors.joining(",\n    "));
    }

    @Override
    public String skipOtherInstancesDuplicate(String... key) {
        return " on conflict (" + String.join(", ", key) + ") do nothing";
    }

    @Override
    public String nextValues(String sequence) {
        return "select nextval('" + sequence + "') from generate_series(1, ?)";
    }

    @Override
    public int insertMissing(JdbcOperations jdbc, String table, String key, List<SqlColumn> columns) {
        return insert(jdbc, table, columns, "\non conflict (" + key + ") do nothing");
    }

    @Override
    public void insert(JdbcOperations jdbc, String table, List<SqlColumn> columns) {
        insert(jdbc, table, columns, "");
    }

    private int insert(JdbcOperations jdbc, String table, List<SqlColumn> columns, String onConflict) {
        // One statement: a value for every row is bound once, each other column as an array.
        List<SqlColumn> arrays = columns.stream().filter(column -> !column.same()).toList();
        String sql = "insert into " + table + " (" + names(columns) + ")\n"
                + "select " + columns.stream().map(column -> column.same() ? "cast(? as " + column.type() + ")"
                        : SqlArrays.boundAsText(column.type()) ? "cast(e." + column.name() + " as " + column.type() + ")"
                        : "e." + column.name())
                        .collect(Collectors.joining(", "))
                + "\nfrom unnest(" + String.join(", ", arrays.stream().map(column -> "?").toList()) + ") as e("
                + names(arrays) + ")" + onConflict;
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int p = 1;
                for (SqlColumn column : columns) {
                    if (column.same()) {
                        statement.setObject(p++, column.value(0));
                    }
                }
                for (SqlColumn column : arrays) {
                    statement.setArray(p++, SqlArrays.of(connection, arrayType(column.type()), column.values()));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** The element type an array of the column's values is bound as: the column's, without a length. */
    private static String arrayType(String type) {
        return type.replaceFirst("\\(.*\\)$", "");
    }

    @Override
    public void ensureRows(JdbcOperations jdbc, String table, String key, String type, Collection<?> keys) {
        jdbc.batchUpdate("insert into " + table + " (" + key + ") values (?) on conflict (" + key + ") do nothing",
                keys.stream().map(value -> new Object[] {value}).toList());
    }

    @Override
    public void commitWithoutWaitingForDisk(JdbcOperations jdbc) {
        jdbc.execute("set local synchronous_commit = off");
    }

    /**
     * Runs on a connection of its own, outside any chunk's transaction: ANALYZE holds its lock until
     * commit, and writers side by side would otherwise wait for each other's chunks.
     */
    @Override
    public void refreshStatistics(String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("analyze " + table);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot analyze " + table, e);
        }
    }

    @Override
    public boolean allowsParallelWriters() {
        return true;
    }

    private static String names(List<SqlColumn> columns) {
        return columns.stream().map(SqlColumn::name).collect(Collectors.joining(", "));
    }
}
