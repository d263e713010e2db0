package org.onboarding.customers;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The import's counts, exact across rollbacks and restarts. What a chunk adds is held by its
 * transaction: saved into the step's execution context in that same transaction (Spring Batch
 * saves the context just before each chunk commits), kept after a commit and forgotten after a
 * rollback, so a restart resumes with the counts of the chunks that really committed.
 */
public class ImportTally extends ItemStreamSupport {

    private static final String CREATED = "created";
    private static final String UPDATED = "updated";
    private static final String MATCHED = "matched";
    private static final String REJECTED = "rejected";
    private static final String WARNINGS = "warnings";

    private ImportCounts committed = ImportCounts.NONE;

    public ImportTally() {
        setName("import");
    }

    /** Adds a chunk's counts to the running transaction's share. */
    public void add(ImportCounts counts) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.counts = pending.counts.plus(counts);
    }

    /** The committed counts plus those of the running transaction. */
    public ImportCounts total() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        return pending == null ? committed : committed.plus(pending.counts);
    }

    @Override
    public void open(ExecutionContext context) {
        committed = read(context);
    }

    @Override
    public void update(ExecutionContext context) {
        ImportCounts counts = total();
        context.putLong(getExecutionContextKey(CREATED), counts.created());
        context.putLong(getExecutionContextKey(UPDATED), counts.updated());
        context.putLong(getExecutionContextKey(MATCHED), counts.matched());
        context.putLong(getExecutionContextKey(REJECTED), counts.rejected());
        context.putLong(getExecutionContextKey(WARNINGS), counts.warnings());
    }

    /** The counts a step execution context holds (zero when the step never committed a chunk). */
    public ImportCounts read(ExecutionContext context) {
        return new ImportCounts(context.getLong(getExecutionContextKey(CREATED), 0),
                context.getLong(getExecutionContextKey(UPDATED), 0),
                context.getLong(getExecutionContextKey(MATCHED), 0),
                context.getLong(getExecutionContextKey(REJECTED), 0),
                context.getLong(getExecutionContextKey(WARNINGS), 0));
    }

    private final class Pending implements TransactionSynchronization {

        ImportCounts counts = ImportCounts.NONE;

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ImportTally.this);
            if (status == STATUS_COMMITTED) {
                committed = committed.plus(counts);
            }
        }
    }
}
