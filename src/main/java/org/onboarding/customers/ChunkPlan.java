package org.onboarding.customers;

import java.util.List;

/**
 * What one chunk does to the database, decided before any statement runs.
 *
 * @param upserts  one per referenceId, duplicates of the chunk already merged in file order
 * @param rejects  rows refused, by the rules or as identity duplicates
 * @param warnings repeated referenceIds, rows matched to an existing customer
 */
public record ChunkPlan(List<CustomerUpsert> upserts, List<RowReject> rejects, List<ImportWarning> warnings,
        ImportCounts counts) {
}
