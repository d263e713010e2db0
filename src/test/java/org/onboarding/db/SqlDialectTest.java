package org.onboarding.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    private final SqlDialect postgres = SqlDialects.of("PostgreSQL", null);
    private final SqlDialect h2 = SqlDialects.of("H2", null);

    private static Upsert customers() {
        return Upsert.into("customer", "id", "reference_id", "name", "bvn", "updated_at")
                .key("reference_id")
                .rows("select * from src")
                .replace("name")
                .keepWhereNull("bvn")
                .set("updated_at", "current_timestamp");
    }

    @Test
    void choosesByTheProductNameTheDatabaseReports() {
        assertThat(postgres).isInstanceOf(PostgresDialect.class);
        assertThat(SqlDialects.of("postgresql", null)).isInstanceOf(PostgresDialect.class);
        assertThat(h2).isInstanceOf(H2Dialect.class);
        assertThat(postgres.allowsParallelWriters()).isTrue();
        assertThat(h2.allowsParallelWriters()).isFalse();
    }

    @Test
    void postgresUpsertsOnConflictUpdatingFromTheExcludedRow() {
        assertThat(postgres.upsert(customers())).isEqualToIgnoringWhitespace("""
                insert into customer (id, reference_id, name, bvn, updated_at)
                select * from src
                on conflict (reference_id) do update set name = excluded.name,
                    bvn = coalesce(excluded.bvn, customer.bvn),
                    updated_at = current_timestamp""");
    }

    @Test
    void h2MergesTheSameRowsOnTheKey() {
        assertThat(h2.upsert(customers())).isEqualToIgnoringWhitespace("""
                merge into customer t
                using (select * from src) as s(id, reference_id, name, bvn, updated_at)
                on t.reference_id = s.reference_id
                when matched then update set name = s.name,
                    bvn = coalesce(s.bvn, t.bvn),
                    updated_at = current_timestamp
                when not matched then insert (id, reference_id, name, bvn, updated_at)
                    values (s.id, s.reference_id, s.name, s.bvn, s.updated_at)""");
    }

    @Test
    void withNothingToSetAStoredRowIsLeftAsItIs() {
        Upsert ifAbsent = Upsert.into("link", "a", "b").key("a", "b").rows("select * from src");

        assertThat(postgres.upsert(ifAbsent)).isEqualToIgnoringWhitespace("""
                insert into link (a, b) select * from src on conflict (a, b) do nothing""");
        assertThat(h2.upsert(ifAbsent)).isEqualToIgnoringWhitespace("""
                merge into link t using (select * from src) as s(a, b) on t.a = s.a and t.b = s.b
                when not matched then insert (a, b) values (s.a, s.b)""");
    }

    @Test
    void postgresCastsTheArraysItUnnestsAndH2TakesThemAsBound() {
        assertThat(postgres.arrays("uuid", "varchar")).isEqualTo("?::uuid[], ?::varchar[]");
        assertThat(h2.arrays("uuid", "varchar")).isEqualTo("?, ?");
    }

    @Test
    void onlyPostgresPassesOverARowAnotherInstanceInserted() {
        assertThat(postgres.skipOtherInstancesDuplicate("a", "b")).isEqualTo(" on conflict (a, b) do nothing");
        assertThat(h2.skipOtherInstancesDuplicate("a", "b")).isEmpty();
    }

    @Test
    void eachDrawsASequencesValuesItsOwnWay() {
        assertThat(postgres.nextValues("serial")).isEqualTo("select nextval('serial') from generate_series(1, ?)");
        assertThat(h2.nextValues("serial")).isEqualTo("select next value for serial from system_range(1, ?)");
    }
}
