package org.onboarding.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.EnabledIfPostgres;
import org.onboarding.testsupport.Postgres;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The two ways a dialect inserts a batch of rows, on both databases: {@code insertMissing} passes over
 * a key stored already or repeated, {@code insert} stores every row and refuses a stored key. Both bind
 * UUIDs (as text, cast back), JSON, and a column with one value for all rows, null included.
 */
class SqlDialectInsertTest {

    private static final UUID OWNER = UUID.randomUUID();

    @Test
    @EnabledIfPostgres
    void postgresInsertsEveryRowOrOnlyTheMissingOnes() {
        SingleConnectionDataSource database = new SingleConnectionDataSource(Postgres.freshSchemaUrl(), Postgres.USER,
                Postgres.PASSWORD, true);
        try {
            insertsEveryRowOrOnlyTheMissingOnes(database, SqlDialects.of("PostgreSQL", database), "json");
        } finally {
            new JdbcTemplate(database).execute("drop table if exists dialect_event");
            database.destroy();
        }
    }

    @Test
    void h2InsertsEveryRowOrOnlyTheMissingOnes() {
        SingleConnectionDataSource database = new SingleConnectionDataSource("jdbc:h2:mem:dialectinsert;MODE=PostgreSQL",
                "sa", "", true);
        try {
            insertsEveryRowOrOnlyTheMissingOnes(database, SqlDialects.of("H2", database), "varchar(1000)");
        } finally {
            database.destroy();
        }
    }

    private static void insertsEveryRowOrOnlyTheMissingOnes(SingleConnectionDataSource database, SqlDialect dialect,
            String jsonType) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("drop table if exists dialect_event");
        jdbc.execute("create table dialect_event (id uuid primary key, event_key varchar(100) not null unique,"
                + " owner uuid not null, payload " + jsonType + " not null, attempt bigint)");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        dialect.insert(jdbc, "dialect_event", columns(List.of(first, second), List.of("a", "b")));

        assertThat(rows(jdbc)).containsExactly(
                List.of(first.toString(), "a", OWNER.toString(), "{\"key\":\"a\"}"),
                List.of(second.toString(), "b", OWNER.toString(), "{\"key\":\"b\"}"));
        assertThat(jdbc.queryForObject("select count(*) from dialect_event where attempt is null", Long.class))
                .isEqualTo(2);

        UUID third = UUID.randomUUID();
        assertThat(dialect.insertMissing(jdbc, "dialect_event", "event_key", columns(
                List.of(UUID.randomUUID(), third, UUID.randomUUID()), List.of("a", "c", "c")))).isEqualTo(1);
        assertThat(rows(jdbc)).extracting(row -> row.get(1)).containsExactly("a", "b", "c");
        assertThat(rows(jdbc).get(2).get(0)).isEqualTo(third.toString());

        assertThatThrownBy(() -> dialect.insert(jdbc, "dialect_event",
                columns(List.of(UUID.randomUUID()), List.of("b"))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows(jdbc)).hasSize(3);
    }

    private static List<SqlColumn> columns(List<UUID> ids, List<String> keys) {
        return List.of(SqlColumn.of("id", "uuid", ids, id -> id),
                SqlColumn.of("event_key", "varchar(100)", keys, key -> key),
                SqlColumn.same("owner", "uuid", OWNER),
                SqlColumn.of("payload", "json", keys, key -> "{\"key\":\"" + key + "\"}"),
                SqlColumn.same("attempt", "bigint", null));
    }

    /** Each row's id, key, owner and payload, as text, in key order. */
    private static List<List<String>> rows(JdbcTemplate jdbc) {
        return jdbc.query("select cast(id as varchar(36)), event_key, cast(owner as varchar(36)),"
                + " cast(payload as varchar(1000)) from dialect_event order by event_key",
                (row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    }
}
