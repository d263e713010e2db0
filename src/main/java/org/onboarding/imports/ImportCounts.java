package org.onboarding.imports;


/**
 * The outcome counts of an import or of a part of one.
 *
 * @param created  rows that created a customer
 * @param updated  rows that updated one (a referenceId repeated in the file counts each time)
 * @param matched  rows treated as the existing customer holding their BVN, email or phone (identityDuplicates: match)
 * @param rejected rows refused
 * @param warnings warnings recorded
 * @param connections what the connections step did
 * @param wallets  default wallets opened for created customers
 */
public record ImportCounts(long created, long updated, long matched, long rejected, long warnings,
        ConnectionCounts connections, long wallets) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);

    /** Counts of the customer step, which connects nothing. */
    public ImportCounts(long created, long updated, long matched, long rejected, long warnings) {
        this(created, updated, matched, rejected, warnings, ConnectionCounts.NONE, 0);
    }

    /** Counts of a chunk or import that opened no wallet. */
    public ImportCounts(long created, long updated, long matched, long rejected, long warnings,
            ConnectionCounts connections) {
        this(created, updated, matched, rejected, warnings, connections, 0);
    }

    /** The same counts, with wallets opened and warnings added. */
    public ImportCounts withWallets(long opened, long moreWarnings) {
        return new ImportCounts(created, updated, matched, rejected, warnings + moreWarnings, connections,
                wallets + opened);
    }

    /** Counts of the connections step. */
    public static ImportCounts of(ConnectionCounts connections) {
        return new ImportCounts(0, 0, 0, 0, 0, connections);
    }

    /** Rejected rows and rejected connections: what the feed's skip limit counts. */
    public long rejects() {
        return rejected + connections.rejected();
    }

    /** Every row counted: each committed row was created, updated, matched or rejected. */
    public long rows() {
        return created + updated + matched + rejected;
    }

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(created + other.created, updated + other.updated, matched + other.matched,
                rejected + other.rejected, warnings + other.warnings, connections.plus(other.connections),
                wallets + other.wallets);
    }
}
