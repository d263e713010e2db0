package org.onboarding.customers;

import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportTally;
import org.onboarding.imports.RowReject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

import org.onboarding.connections.ConnectsStaging;
import org.onboarding.connections.StagedConnects.RowOutcome;
import org.onboarding.connections.StagedConnects;
import org.onboarding.imports.ImportRun;
import org.onboarding.rejects.PiiMask;
import org.onboarding.rejects.RejectStore;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.wallets.DefaultWallets;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of validated rows in a handful of statements: one lookup of the customers it
 * names (by referenceId, BVN, email and phone), one customer upsert, one field-value upsert, one
 * staging of its connects cells for the connections step, and batched inserts of its rejects and warnings. As the table grows, it
 * refreshes the customer table's statistics now and then. The statements run under a savepoint, so a failed write leaves the chunk's
 * transaction usable: Spring Batch can retry a transient failure, and a row the database itself
 * refuses (a constraint the rules did not foresee) is isolated by writing the chunk again row by
 * row, each under its own savepoint, and rejected in the same transaction as the good rows.
 */
public class CustomerImportWriter implements ItemWriter<ValidatedRow> {

    private static final long STATISTICS_FIRST_REFRESH = 10_000;

    private final CustomerStore customers;
    private final RejectStore rejects;
    private final ConnectsStaging connects;
    private final DefaultWallets wallets;
    private final ChunkPlanner planner;
    private final ImportRun run;
    private final PiiMask mask;
    private final ImportTally tally;
    private final long skipLimit;
    private final TransactionTemplate savepoint;
    private long rowsWritten;
    private long refreshStatisticsAt;

    public CustomerImportWriter(CustomerStore customers, RejectStore rejects, ConnectsStaging connects,
            DefaultWallets wallets, ChunkPlanner planner, ImportRun run, PiiMask mask, ImportTally tally,
            long skipLimit, PlatformTransactionManager transactionManager) {
        this.customers = customers;
        this.rejects = rejects;
        this.connects = connects;
        this.wallets = wallets;
        this.planner = planner;
        this.run = run;
        this.mask = mask;
        this.tally = tally;
        this.skipLimit = skipLimit;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> chunk) {
        @SuppressWarnings("unchecked")
        List<ValidatedRow> rows = (List<ValidatedRow>) chunk.getItems();
        refreshStatisticsAsTheTableGrows(rows.size());
        ImportCounts counts;
        try {
            counts = savepoint.execute(status -> writeInFileOrder(rows));
        } catch (DataIntegrityViolationException refused) {
            counts = ImportCounts.NONE;
            for (ValidatedRow row : rows) {
                counts = counts.plus(writeAlone(row));
            }
        }
        tally.add(counts);
        tally.failIfRejectsPass(skipLimit);
    }

    private ImportCounts writeInFileOrder(List<ValidatedRow> chunkRows) {
        List<ValidatedRow> rows = wallets.checkPayoutWallets(chunkRows);
        ChunkPlan plan = planner.plan(rows, findExisting(rows));
        customers.upsert(run.organizationId(), run.jobInstanceId(), plan.upserts());
        customers.upsertFieldValues(plan.upserts());
        DefaultWallets.Opened opened = wallets.open(plan.upserts());
        rejects.recordWarnings(run, opened.warnings());
        rejects.recordRejects(run, plan.rejects(), mask);
        rejects.recordWarnings(run, plan.warnings());
        Set<Long> rejectedLines = new HashSet<>();
        plan.rejects().forEach(reject -> rejectedLines.add(reject.record().line()));
        stageConnects(rows, line -> rejectedLines.contains(line) ? RowOutcome.REJECTED
                : plan.matchedLines().contains(line) ? RowOutcome.MATCHED : RowOutcome.APPLIED);
        return plan.counts().withWallets(opened.wallets(), opened.warnings().size());
    }

    /** Hands the rows' connects cells to the connections step, in the chunk's transaction. */
    private void stageConnects(List<ValidatedRow> rows, LongFunction<RowOutcome> outcome) {
        List<StagedConnects> staged = new ArrayList<>();
        for (ValidatedRow row : rows) {
            if (row.connects() != null) {
                staged.add(new StagedConnects(row.line(), row.referenceId(), row.connects(),
                        outcome.apply(row.line()), rejects.cellsOf(row.record().cells(), mask)));
            }
        }
        connects.stage(run.jobInstanceId(), staged);
    }

    /** One row of a chunk the database refused part of: written, or rejected with the constraint's name. */
    private ImportCounts writeAlone(ValidatedRow row) {
        try {
            return savepoint.execute(status -> writeInFileOrder(List.of(row)));
        } catch (DataIntegrityViolationException refused) {
            rejects.recordRejects(run, List.of(new RowReject(row.record(), row.referenceId(),
                    List.of(DatabaseRefusal.violation(refused)))), mask);
            stageConnects(List.of(row), line -> RowOutcome.REJECTED);
            return new ImportCounts(0, 0, 0, 1, 0);
        }
    }

    /** On the run's first chunk, then each time the run has written four times as many rows as at the last refresh. */
    private void refreshStatisticsAsTheTableGrows(int chunkRows) {
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
