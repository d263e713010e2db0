package org.onboarding.db;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The embedded H2 default: upserts with the standard {@code MERGE}, binding whole columns as arrays
 * whose element types the statements cast where H2 cannot tell them.
 */
final class H2Dialect implements SqlDialect {

    /** How H2 stores JSON text: webhook_event.payload (db/migration/h2/V6) is a varchar, not a json. */
    private static final String JSON_TEXT = "varchar(1000000)";

    @Override
    public String arrays(String... elementTypes) {
        return String.join(", ", Collections.nCopies(elementTypes.length, "?"));
    }

    @Override
    public String upsert(Upsert upsert) {
        StringBuilder merge = new StringBuilder("merge into ").append(upsert.table()).append(" t\nusing (")
                .append(upsert.rows()).append(") as s(").append(String.join(", ", upsert.columns())).append(")\non ")
                .append(upsert.key().stream().map(column -> "t." + column + " = s." + column)
                        .collect(Collectors.joining(" and ")));
        if (!upsert.assignments().isEmpty()) {
            merge.append("\nwhen matched then update set ").append(upsert.assignments().stream().map(assignment -> {
                String column = assignment.column();
                return column + " = " + switch (assignment.kind()) {
                    case REPLACE -> "s." + column;
                    case KEEP_WHERE_NULL -> "coalesce(s." + column + ", t." + column + ")";
                    case SET -> assignment.expression();
                };
            }).collect(Collectors.joining(",\n    ")));
        }
        return merge.append("\nwhen not matched then insert (").append(String.join(", ", upsert.columns()))
                .append(")\n    values (").append(upsert.columns().stream().map(column -> "s." + column)
                        .collect(Collectors.joining(", ")))
                .append(")").toString();
    }

    @Override
    public String skipOtherInstancesDuplicate(String... key) {
        return "";
    }

    @Override
    public String nextValues(String sequence) {
        return "select next value for " + sequence + " from system_range(1, ?)";
    }

    @Override
    public int insertMissing(JdbcOperations jdbc, String table, String key, List<SqlColumn> columns) {
        // One merge per row, in one batch: a key that comes twice is inserted once, as on PostgreSQL.
        String sql = "merge into " + table + " e\nusing (select "
                + columns.stream().map(column -> "cast(? as " + h2Type(column.type()) + ") as " + column.name())
                        .collect(Collectors.joining(", "))
                + ") q\non e." + key + " = q." + key + "\nwhen not matched then insert (" + names(columns, "")
                + ")\n    values (" + names(columns, "q.") + ")";
        int[] counts = jdbc.batchUpdate(sql, rows(columns));
        int inserted = 0;
        for (int count : counts) {
            inserted += Math.max(count, 0);
        }
        return inserted;
    }

    @Override
    public void insert(JdbcOperations jdbc, String table, List<SqlColumn> columns) {
        String sql = "insert into " + table + " (" + names(columns, "") + ")\nvalues ("
                + columns.stream().map(column -> "cast(? as " + h2Type(column.type()) + ")")
                        .collect(Collectors.joining(", ")) + ")";
        jdbc.batchUpdate(sql, rows(columns));
    }

    /** The batch's arguments: each row's values, a column's one value repeated where it has one for all. */
    private static List<Object[]> rows(List<SqlColumn> columns) {
        int rows = columns.stream().filter(column -> !column.same()).findFirst().orElseThrow().values().size();
        return IntStream.range(0, rows)
                .mapToObj(row -> columns.stream().map(column -> column.value(row)).toArray())
                .toList();
    }

    private static String h2Type(String type) {
        return "json".equals(type) ? JSON_TEXT : type;
    }

    @Override
    public void ensureRows(JdbcOperations jdbc, String table, String key, String type, Collection<?> keys) {
        String merge = "merge into " + table + " c using (select cast(? as " + type + ") as " + key + ") q\n"
                + "on c." + key + " = q." + key + "\nwhen not matched then insert (" + key + ") values (q." + key + ")";
        for (Object value : keys) {
            try {
                jdbc.update(merge, value);
            } catch (DuplicateKeyException insertedByAnotherWriter) {
                // H2's MERGE races a concurrent insert; the row is there, which is all this wanted.
            }
        }
    }

    /** H2 plans without statistics to refresh. */
    @Override
    public void refreshStatistics(String table) {
    }

    @Override
    public void commitWithoutWaitingForDisk(JdbcOperations jdbc) {
    }

    @Override
    public boolean allowsParallelWriters() {
        return false;
    }

    private static String names(List<SqlColumn> columns, String prefix) {
        return columns.stream().map(column -> prefix + column.name()).collect(Collectors.joining(", "));
    }
}
