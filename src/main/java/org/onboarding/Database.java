package org.onboarding;

import java.util.Locale;

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

    public Database(JdbcTemplate jdbc) {
        this.postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Whether several writers may import one file side by side. PostgreSQL locks rows and index
     * entries one by one; the embedded default imports with one writer.
     */
    public boolean allowsParallelWriters() {
        return postgres;
    }
}
