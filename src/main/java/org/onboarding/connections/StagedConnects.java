package org.onboarding.connections;

/**
 * A row's connects cell as the customer step staged it for the connections step.
 *
 * @param referenceId the row's referenceId as written (trimmed); may be null on a rejected row
 * @param rowCells    the row's cells as a JSON array, identity numbers masked, for the reject report
 */
public record StagedConnects(long line, String referenceId, String connects, RowOutcome outcome, String rowCells) {

    /** What the customer step did with the row. */
    public enum RowOutcome {
        /** The row created or updated its customer. */
        APPLIED,
        /** The row was rejected: its connections are rejected with it. */
        REJECTED,
        /**
         * The row was treated as the existing customer holding its BVN, email or phone and changed nothing
         * (identityDuplicates: match).
         */
        MATCHED
    }
}
