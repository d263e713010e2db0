package org.onboarding.customers;

import java.util.List;
import java.util.Set;

import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportWarning;
import org.onboarding.imports.RowReject;

/**
 * What one chunk does to the database, decided before any statement runs.
 *
 * @param upserts  one per referenceId, duplicates of the chunk already merged in file order
 * @param rejects  rows refused, by the rules or as identity duplicates
 * @param warnings repeated referenceIds, rows matched to an existing customer
 * @param matchedLines the lines treated as an existing customer (identityDuplicates: match)
 */
public record ChunkPlan(List<CustomerUpsert> upserts, List<RowReject> rejects, List<ImportWarning> warnings,
        Set<Long> matchedLines, ImportCounts counts) {
}
