package org.onboarding.customers;

/**
 * The outcome counts of an import or of a part of one.
 *
 * @param created  rows that created a customer
 * @param updated  rows that updated one (a referenceId repeated in the file counts each time)
 * @param matched  rows treated as the existing holder of their BVN (identityDuplicates: use_existing)
 * @param rejected rows refused
 * @param warnings warnings recorded
 */
public record ImportCounts(long created, long updated, long matched, long rejected, long warnings) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);

    /** Every row counted: each committed row was created, updated, matched or rejected. */
    public long rows() {
        return created + updated + matched + rejected;
    }

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(created + other.created, updated + other.updated, matched + other.matched,
                rejected + other.rejected, warnings + other.warnings);
    }
}
