package org.onboarding.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

/**
 * The PostgreSQL server tests run against: {@code ONBOARD_TEST_POSTGRES_URL} (default the local
 * server's {@code test} database, user postgres). Tests that need it are skipped when it cannot
 * be reached, unless {@code ONBOARD_REQUIRE_POSTGRES=true} (as .ci/run sets), which fails them.
 */
public final class Postgres {

    public static final String URL = env("ONBOARD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("ONBOARD_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("ONBOARD_TEST_POSTGRES_PASSWORD", "");

    private Postgres() {
    }

    /** The schema the tests own, emptied once per test run so leftovers of earlier runs never matter. */
    public static final String SCHEMA = "onboard_test";

    private static boolean schemaCreated;

    /** A JDBC URL to a freshly created {@link #SCHEMA}: dropped and recreated the first time it is asked for. */
    public static synchronized String freshSchemaUrl() {
        if (!schemaCreated) {
            try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                 var statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
                statement.execute("create schema " + SCHEMA);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot prepare schema " + SCHEMA + " at " + URL, e);
            }
            schemaCreated = true;
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    /**
     * A JDBC URL to an empty schema of that name, dropped and recreated on every call: for a test that
     * needs the database's own numbering (execution ids) to start from 1.
     */
    public static String emptySchemaUrl(String schema) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare schema " + schema + " at " + URL, e);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Points a Spring test context at {@link #freshSchemaUrl()}. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", Postgres::freshSchemaUrl);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        POOL.forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * The pool settings of every PostgreSQL test context: idle connections go back, so that the contexts and
     * child JVMs of a test run stay under the server's max_connections (100 by default) together. Not for
     * H2: a pool shrunk to its last connection closed the in-memory database of a context left idle.
     */
    static final Map<String, String> POOL = Map.of(
            "spring.datasource.hikari.minimum-idle", "1",
            "spring.datasource.hikari.idle-timeout", "10000");

    public static boolean required() {
        return Boolean.parseBoolean(System.getenv("ONBOARD_REQUIRE_POSTGRES"));
    }

    public static boolean reachable() {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
