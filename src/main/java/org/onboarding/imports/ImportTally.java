package org.onboarding.imports;


import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counts of one counting step (a part of the customer step, or the connections step), exact
 * across rollbacks and restarts. What a chunk adds is held by its
 * transaction: saved into the step's execution context in that same transaction (Spring Batch
 * saves the context just before each chunk commits), kept after a commit and forgotten after a
 * rollback, so a restart resumes with the counts of the chunks that really committed. Committed
 * rejects are also told to the import's other parts, as the skip limit counts them all together.
 */
public class ImportTally extends ItemStreamSupport {

    private static final String PREFIX = "import.";
    private static final String CREATED = PREFIX + "created";
    private static final String UPDATED = PREFIX + "updated";
    private static final String MATCHED = PREFIX + "matched";
    private static final String REJECTED = PREFIX + "rejected";
    private static final String WARNINGS = PREFIX + "warnings";
    private static final String WALLETS = PREFIX + "wallets";
    private static final String CONNECTIONS_CREATED = PREFIX + "connections.created";
    private static final String CONNECTIONS_PRESENT = PREFIX + "connections.present";
    private static final String CONNECTIONS_REMOVED = PREFIX + "connections.removed";
    private static final String CONNECTIONS_REJECTED = PREFIX + "connections.rejected";

    private final CommittedRows allParts;
    private volatile ImportCounts committed = ImportCounts.NONE;

    /** @param allParts told of the rows and rejects this part commits, so the import's parts count together */
    public ImportTally(CommittedRows allParts) {
        this.allParts = allParts;
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
        allParts.rejected(counts.rejects());
    }

    /** The committed counts plus those of the running transaction. */
    public ImportCounts total() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        return pending == null ? committed : committed.plus(pending.counts);
    }

    /**
     * Fails the running chunk when the rejects of every part of the import so far — committed, and
     * in chunks under way, this one's included — pass the feed's skip limit. Counting the chunks
     * under way means two parts' last chunks cannot both pass the check and together exceed it.
     */
    public void failIfRejectsPass(long skipLimit) {
        long rejects = allParts.rejects();
        if (rejects > skipLimit) {
            throw new RejectLimitExceededException(rejects, skipLimit);
        }
    }

    @Override
    public void open(ExecutionContext context) {
        committed = countsIn(context);
        allParts.committed(committed.rows(), committed.rejects(), true);
    }

    @Override
    public void update(ExecutionContext context) {
        ImportCounts counts = total();
        context.putLong(CREATED, counts.created());
        context.putLong(UPDATED, counts.updated());
        context.putLong(MATCHED, counts.matched());
        context.putLong(REJECTED, counts.rejected());
        context.putLong(WARNINGS, counts.warnings());
        context.putLong(WALLETS, counts.wallets());
        context.putLong(CONNECTIONS_CREATED, counts.connections().created());
        context.putLong(CONNECTIONS_PRESENT, counts.connections().present());
        context.putLong(CONNECTIONS_REMOVED, counts.connections().removed());
        context.putLong(CONNECTIONS_REJECTED, counts.connections().rejected());
    }

    /** The counts a part's step execution context holds (zero when it never committed a chunk). */
    public static ImportCounts countsIn(ExecutionContext context) {
        return new ImportCounts(context.getLong(CREATED, 0), context.getLong(UPDATED, 0),
                context.getLong(MATCHED, 0), context.getLong(REJECTED, 0), context.getLong(WARNINGS, 0),
                new ConnectionCounts(context.getLong(CONNECTIONS_CREATED, 0), context.getLong(CONNECTIONS_PRESENT, 0),
                        context.getLong(CONNECTIONS_REMOVED, 0), context.getLong(CONNECTIONS_REJECTED, 0)),
                context.getLong(WALLETS, 0));
    }

    /** Where a part reports its rejects and what it committed, for the counts the import's parts share. */
    public interface CommittedRows {

        /**
         * Rows a chunk committed, or (resumed) that an earlier run of this part committed, restored at
         * (re)start with its rejects; a chunk's own rejects were told as it wrote them.
         */
        void committed(long rows, long rejects, boolean resumed);

        /** Rejects a chunk under way adds (negative: withdrawn when it rolls back). */
        void rejected(long rejects);

        /** Rejects of every part: committed, and in chunks under way. */
        long rejects();
    }

    private final class Pending implements TransactionSynchronization {

        ImportCounts counts = ImportCounts.NONE;

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ImportTally.this);
            if (status == STATUS_COMMITTED) {
                committed = committed.plus(counts);
                allParts.committed(counts.rows(), 0, false);
            } else {
                allParts.rejected(-counts.rejects());
            }
        }
    }
}
