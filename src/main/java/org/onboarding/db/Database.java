package org.onboarding.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the pipeline runs on. The per-chunk statements bind whole columns as arrays on
 * both; PostgreSQL upserts with {@code ON CONFLICT}, the embedded H2 default with {@code MERGE}.
 */
@Component
public class Database {

    private final boolean postgres;
    private final DataSource dataSource;

    public Database(JdbcTemplate jdbc) {
        this.dataSource = jdbc.getDataSource();
        this.postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Refreshes PostgreSQL's statistics of a table a bulk import has outgrown (where autovacuum is
     * off there are none), so that the planner walks its indexes instead of scanning and sorting it.
     * Runs on a connection of its own, outside any chunk's transaction: ANALYZE holds its lock until
     * commit, and writers side by side would otherwise wait for each other's chunks.
     */
    public void refreshStatistics(String table) {
        if (!postgres) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("analyze " + table);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot analyze " + table, e);
        }
    }

    /**
     * Whether several writers may import one file side by side. PostgreSQL locks rows and index
     * entries one by one; the embedded default imports with one writer.
     */
    public boolean allowsParallelWriters() {
        return postgres;
    }
}
