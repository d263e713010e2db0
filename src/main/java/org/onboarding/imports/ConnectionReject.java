package org.onboarding.imports;

/**
 * A connection refused, with the row it was asked on.
 *
 * @param relatedReferenceId the related referenceId as written, or null when the entry could not be read
 * @param rowCells           the row's masked cells as a JSON array, for the reject report
 */
public record ConnectionReject(long line, String referenceId, String relatedReferenceId, String reason,
        String rowCells) {
}
