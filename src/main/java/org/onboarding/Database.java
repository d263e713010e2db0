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
}
