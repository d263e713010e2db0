package org.onboarding.job;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.onboarding.connections.ConnectsWriter;
import org.onboarding.connections.StagedConnects.RowOutcome;
import org.onboarding.customers.ChunkPlan;
import org.onboarding.customers.CustomerWriter;
import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportRun;
import org.onboarding.imports.ImportTally;
import org.onboarding.imports.RowReject;
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
 * The customer step's writer, composed of one writer per concern, in this order: payout wallets
 * checked, customers with their field values, default wallets and their notifications, rejects and
 * warnings, connects cells staged. Not a {@code CompositeItemWriter}: the later writers follow what the customers writer
 * decided (which rows it created, matched or rejected).
 * <p>
 * The chunk is written under a savepoint, so a failed write leaves the chunk's transaction usable:
 * Spring Batch can retry a transient failure, and a row the database itself refuses (a constraint the
 * rules did not foresee) is isolated by writing the chunk again row by row, each under its own
 * savepoint, and rejected in the same transaction as the good rows. The import's tally counts each
 * chunk, and the import fails once its rejects pass the feed's skip limit.
 */
class CustomerImportWriter implements ItemWriter<ValidatedRow> {

    private final CustomerWriter customers;
    private final DefaultWallets wallets;
    private final WalletOpenedEvents walletEvents;
    private final RejectStore rejects;
    private final ConnectsWriter connects;
    private final ImportRun run;
    private final PiiMask mask;
    private final ImportTally tally;
    private final long skipLimit;
    private final TransactionTemplate savepoint;

    CustomerImportWriter(CustomerWriter customers, DefaultWallets wallets, WalletOpenedEvents walletEvents,
            RejectStore rejects, ConnectsWriter connects, ImportRun run, PiiMask mask, ImportTally tally, long skipLimit,
            PlatformTransactionManager transactionManager) {
        this.customers = customers;
        this.wallets = wallets;
        this.walletEvents = walletEvents;
        this.rejects = rejects;
        this.connects = connects;
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
        customers.beforeChunk(rows.size());
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
        ChunkPlan plan = customers.write(rows);
        DefaultWallets.Opened opened = wallets.open(plan.upserts());
        walletEvents.queue(opened.wallets());
        rejects.recordWarnings(run, opened.warnings());
        rejects.recordRejects(run, plan.rejects(), mask);
        rejects.recordWarnings(run, plan.warnings());
        Set<Long> rejectedLines = new HashSet<>();
        plan.rejects().forEach(reject -> rejectedLines.add(reject.record().line()));
        connects.write(rows, line -> rejectedLines.contains(line) ? RowOutcome.REJECTED
                : plan.matchedLines().contains(line) ? RowOutcome.MATCHED : RowOutcome.APPLIED, this::maskedCells);
        return plan.counts().withWallets(opened.wallets().size(), opened.warnings().size());
    }

    /** One row of a chunk the database refused part of: written, or rejected with the constraint's name. */
    private ImportCounts writeAlone(ValidatedRow row) {
        try {
            return savepoint.execute(status -> writeInFileOrder(List.of(row)));
        } catch (DataIntegrityViolationException refused) {
            rejects.recordRejects(run, List.of(new RowReject(row.record(), row.referenceId(),
                    List.of(DatabaseRefusal.violation(refused)))), mask);
            connects.write(List.of(row), line -> RowOutcome.REJECTED, this::maskedCells);
            return new ImportCounts(0, 0, 0, 1, 0);
        }
    }

    private String maskedCells(String[] cells) {
        return rejects.cellsOf(cells, mask);
    }
}
