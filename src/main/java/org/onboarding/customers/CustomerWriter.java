package org.onboarding.customers;

import java.util.List;

import org.onboarding.imports.ImportRun;
import org.onboarding.rules.ValidatedRow;

/**
 * Writes a chunk's customers and their field values in three or four statements: one lookup of the
 * customers it names (by referenceId, BVN, email and phone), one customer upsert, and the field values
 * in one insert for the customers it creates and one upsert for those it updates. It
 * returns the chunk's plan, which the wallets, connects and rejects of the chunk follow. As the table
 * grows it refreshes the table's statistics now and then, so the planner keeps walking its indexes.
 */
public class CustomerWriter {

    private static final long STATISTICS_FIRST_REFRESH = 10_000;

    private final CustomerStore customers;
    private final ChunkPlanner planner;
    private final ImportRun run;
    private long rowsWritten;
    private long refreshStatisticsAt;

    public CustomerWriter(CustomerStore customers, ChunkPlanner planner, ImportRun run) {
        this.customers = customers;
        this.planner = planner;
        this.run = run;
    }

    /** Upserts the rows' customers and field values, applying them in file order; returns what it decided. */
    public ChunkPlan write(List<ValidatedRow> rows) {
        ChunkPlan plan = planner.plan(rows, findExisting(rows));
        customers.upsert(run.organizationId(), run.jobInstanceId(), plan.upserts());
        customers.upsertFieldValues(plan.upserts());
        return plan;
    }

    /** Counts a chunk about to be written: on the run's first chunk, then each time it has written four times as many rows, refreshes statistics. */
    public void beforeChunk(int chunkRows) {
        if (rowsWritten >= refreshStatisticsAt) {
            customers.refreshStatistics();
            refreshStatisticsAt = Math.max(4 * rowsWritten, STATISTICS_FIRST_REFRESH);
        }
        rowsWritten += chunkRows;
    }

    private List<ExistingCustomer> findExisting(List<ValidatedRow> rows) {
        CustomerKeys keys = CustomerKeys.of(rows);
        return keys.isEmpty() ? List.of() : customers.find(run.organizationId(), keys);
    }
}
