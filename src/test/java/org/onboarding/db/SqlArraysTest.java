package org.onboarding.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.Postgres;

/**
 * A column bound whole comes back from the database exactly as it went in, on both databases: cells
 * that a text array literal has to escape (quotes, backslashes, braces, commas, the word NULL, line
 * breaks, non-Latin text), nulls, and every element type the chunks bind; UUIDs, bound as text, once
 * the statement casts them back.
 */
class SqlArraysTest {

    private static final List<String> AWKWARD_TEXT = Arrays.asList("plain", "with \"quotes\"", "back\\slash",
            "{braces}", "a, b", "NULL", null, "", " padded ", "line\nbreak\r\n", "Ọ̀jọ́ Àdìsá 日本 🙂",
            "{\"event\":\"x\",\"data\":{\"name\":\"O'Neil \\\"Jr\\\"\"}}");

    @Test
    @EnabledIfPostgres
    void postgresReturnsEveryValueAsBound() throws SQLException {
        try (Connection connection = DriverManager.getConnection(Postgres.URL, Postgres.USER, Postgres.PASSWORD)) {
            assertRoundTrips(connection, type -> "uuid".equals(type) ? "cast(? as uuid array)" : "?::" + type + "[]");
        }
    }

    @Test
    void h2ReturnsEveryValueAsBound() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:sqlarrays;MODE=PostgreSQL", "sa", "")) {
            assertRoundTrips(connection, type -> "uuid".equals(type) ? "cast(? as uuid array)" : "?");
        }
    }

    @Test
    @EnabledIfPostgres
    void uuidsGoAsTextThatTheDriverSendsUnescaped() throws SQLException {
        try (Connection connection = DriverManager.getConnection(Postgres.URL, Postgres.USER, Postgres.PASSWORD)) {
            Array ids = SqlArrays.of(connection, "uuid", List.of(UUID.randomUUID()));
            assertThat(ids.getBaseTypeName()).isEqualTo("varchar");
            assertThat(ids.getArray()).isInstanceOf(String[].class);
        }
    }

    @Test
    void aValueOfAnotherTypeThanTheColumnsIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> SqlArrays.of(null, "bigint", List.of(1L, 2)))
                .isInstanceOf(ArrayStoreException.class);
    }

    /** @param cast how the database takes an array parameter of an SQL type */
    private static void assertRoundTrips(Connection connection, UnaryOperator<String> cast) throws SQLException {
        assertThat(unnest(connection, cast.apply("varchar"), SqlArrays.of(connection, "varchar", AWKWARD_TEXT)))
                .containsExactlyElementsOf(AWKWARD_TEXT);
        assertThat(unnest(connection, cast.apply("text"), SqlArrays.of(connection, "text", AWKWARD_TEXT)))
                .containsExactlyElementsOf(AWKWARD_TEXT);
        List<Long> longs = Arrays.asList(1L, null, Long.MAX_VALUE, -7L);
        assertThat(unnest(connection, cast.apply("bigint"), SqlArrays.of(connection, "bigint", longs)))
                .containsExactlyElementsOf(longs);
        List<Integer> ints = Arrays.asList(3, null, Integer.MIN_VALUE);
        assertThat(unnest(connection, cast.apply("integer"), SqlArrays.of(connection, "integer", ints)))
                .containsExactlyElementsOf(ints);
        List<Boolean> booleans = Arrays.asList(true, null, false);
        assertThat(unnest(connection, cast.apply("boolean"), SqlArrays.of(connection, "boolean", booleans)))
                .containsExactlyElementsOf(booleans);
        List<UUID> ids = Arrays.asList(UUID.randomUUID(), null, UUID.randomUUID());
        assertThat(unnest(connection, cast.apply("uuid"), SqlArrays.of(connection, "uuid", ids)))
                .containsExactlyElementsOf(ids);
    }

    private static List<Object> unnest(Connection connection, String parameter, Array array) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select v from unnest(" + parameter + ") with ordinality as t(v, n) order by n")) {
            statement.setArray(1, array);
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        }
    }
}
