package org.onboarding.db;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * The SQL that PostgreSQL and the embedded H2 default write differently. Stores state each statement
 * once and ask the dialect for the part that differs, so that which database runs is decided here alone.
 */
public interface SqlDialect {

    /**
     * The parameters of {@code unnest(…)} binding one array per element type, in order: PostgreSQL casts
     * each to its array type ({@code ?::uuid[]}); H2 takes the arrays as bound ({@code ?}).
     */
    String arrays(String... elementTypes);

    /** The upsert as one statement: {@code INSERT … ON CONFLICT} on PostgreSQL, {@code MERGE … USING} on H2. */
    String upsert(Upsert upsert);

    /**
     * The clause an insert ends with to pass over a row of this key another instance inserted a moment
     * before: {@code ON CONFLICT (…) DO NOTHING} on PostgreSQL, where several instances share the
     * database; none on H2, which one process opens at a time, so there its unique key refuses a twin.
     */
    String skipOtherInstancesDuplicate(String... key);

    /** A query of {@code ?} next values of the sequence, one a row. */
    String nextValues(String sequence);

    /**
     * Inserts the rows unless a row of the same key is stored or comes earlier among them; returns how
     * many were inserted. PostgreSQL binds each column as an array in one statement; H2 runs a batch of
     * one-row merges (one merge of them all would refuse a key that comes twice).
     *
     * @param columns the columns to insert, with the same number of values each, or one for all rows
     */
    int insertMissing(JdbcOperations jdbc, String table, String key, List<SqlColumn> columns);

    /**
     * Inserts every row, without checking for a stored one of the same key: for rows whose keys cannot
     * be stored yet (they name rows the same transaction creates), where the check would be wasted work.
     * A key stored after all is refused as any unique key is.
     *
     * @param columns the columns to insert, with the same number of values each, or one for all rows
     */
    void insert(JdbcOperations jdbc, String table, List<SqlColumn> columns);

    /**
     * Makes sure the table has a row of each of these keys, inserting one of just its key where none is,
     * whether or not another writer inserts the same key at the same time.
     *
     * @param type the key's SQL type
     */
    void ensureRows(JdbcOperations jdbc, String table, String key, String type, Collection<?> keys);

    /**
     * Refreshes the database's statistics of a table a bulk import has outgrown (where autovacuum is off
     * there are none), so that the planner walks its indexes instead of scanning and sorting it.
     * Only PostgreSQL keeps statistics worth refreshing; H2 needs none.
     */
    void refreshStatistics(String table);

    /**
     * Lets the current transaction's commit return before its changes reach the disk: PostgreSQL's
     * {@code synchronous_commit} off for this transaction alone, which ends with it. A database crash may
     * then lose the transaction, whole, as if it had never committed. H2 does nothing: it waits as ever.
     */
    void commitWithoutWaitingForDisk(JdbcOperations jdbc);

    /**
     * Whether several writers may import one file side by side. PostgreSQL locks rows and index
     * entries one by one; the embedded default imports with one writer.
     */
    boolean allowsParallelWriters();
}
