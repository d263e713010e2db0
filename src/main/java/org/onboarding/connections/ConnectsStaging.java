package org.onboarding.connections;

import static org.onboarding.db.SqlArrays.column;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.onboarding.db.SqlDialect;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.database.support.SqlPagingQueryProviderFactoryBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The connects cells of an import, staged by the customer step in the same transaction as the
 * rows' customers ({@code import_connects}) and read back, in file order, by the connections
 * step. Because they are committed with their chunk, a restart of either step finds exactly the
 * cells of the rows that were applied, and the connections step needs neither the file nor the
 * customer step again. Forgotten when the import completes.
 */
@Component
public class ConnectsStaging {

    private static final String STAGE = """
            insert into import_connects (job_instance_id, line_number, reference_id, connects, row_outcome, row_cells)
            select ?, u.* from unnest(%s) as u""";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String stage;

    public ConnectsStaging(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.stage = STAGE.formatted(dialect.arrays("int8", "varchar", "varchar", "varchar", "varchar"));
    }

    /** Stages a chunk's cells in one statement, binding each column as an array. */
    public void stage(long jobInstanceId, List<StagedConnects> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(stage)) {
                statement.setLong(1, jobInstanceId);
                statement.setArray(2, column(connection, "bigint", rows, StagedConnects::line));
                statement.setArray(3, column(connection, "varchar", rows, StagedConnects::referenceId));
                statement.setArray(4, column(connection, "varchar", rows, StagedConnects::connects));
                statement.setArray(5, column(connection, "varchar", rows, row -> row.outcome().name()));
                statement.setArray(6, column(connection, "varchar", rows, StagedConnects::rowCells));
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Refreshes the staged cells' statistics, once the customer step has staged them and before they are
     * read: last analysed while empty, the table's thousands of rows pass for a handful, and the planner
     * then reads each page by scanning every row after it and sorting them, instead of by the key's index.
     */
    public void refreshStatistics() {
        dialect.refreshStatistics("import_connects");
    }

    /** Reads an import's staged cells in file order, a page at a time; restartable after the last line committed. */
    public JdbcPagingItemReader<StagedConnects> reader(DataSource dataSource, long jobInstanceId, int pageSize)
            throws Exception {
        SqlPagingQueryProviderFactoryBean query = new SqlPagingQueryProviderFactoryBean();
        query.setDataSource(dataSource);
        query.setSelectClause("select line_number, reference_id, connects, row_outcome, row_cells");
        query.setFromClause("from import_connects");
        query.setWhereClause("where job_instance_id = :jobInstanceId");
        query.setSortKeys(Map.of("line_number", Order.ASCENDING));
        return new JdbcPagingItemReaderBuilder<StagedConnects>()
                .name("stagedConnects")
                .dataSource(dataSource)
                .queryProvider(query.getObject())
                .parameterValues(Map.of("jobInstanceId", jobInstanceId))
                .pageSize(pageSize)
                .rowMapper((row, i) -> new StagedConnects(row.getLong(1), row.getString(2), row.getString(3),
                        StagedConnects.RowOutcome.valueOf(row.getString(4)), row.getString(5)))
                .build();
    }

    public void forget(long jobInstanceId) {
        jdbc.update("delete from import_connects where job_instance_id = ?", jobInstanceId);
    }
}
