package org.onboarding.rejects;

import java.util.List;

/**
 * One reason a row was refused, as stored: its cells masked (BVN, NIN, phone and email), its referenceId,
 * field and reason masked and with their control characters escaped, each cut to its column. The cells
 * keep theirs: whoever shows them escapes them.
 *
 * @param kind               {@code row}, or {@code connection} for a connection refused
 * @param relatedReferenceId the connection's related referenceId, for a connection reject
 */
public record StoredReject(long line, String referenceId, String kind, String relatedReferenceId, String field,
        String reason, List<String> cells) {
}
