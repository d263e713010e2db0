package org.onboarding.rejects;

import java.util.List;

/**
 * One reason a row was refused, as stored: its cells masked (BVN, NIN, phone and email) and every text
 * cut to its column, control characters escaped.
 *
 * @param kind               {@code row}, or {@code connection} for a connection refused
 * @param relatedReferenceId the connection's related referenceId, for a connection reject
 */
public record StoredReject(long line, String referenceId, String kind, String relatedReferenceId, String field,
        String reason, List<String> cells) {
}
