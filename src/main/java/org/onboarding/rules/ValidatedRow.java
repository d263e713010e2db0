package org.onboarding.rules;

import java.util.List;

import org.onboarding.file.CustomerRecord;

/**
 * A record after the rules: either a {@link ValidCustomer} or the violations that reject it.
 * Rejected rows travel on to the writer too, so that rejects are recorded in the chunk's own
 * transaction and replayed with it if the chunk is rolled back.
 *
 * @param referenceId the row's referenceId as written (trimmed), for reports; may be null
 * @param connects    the row's connects cell as written (trimmed), for the connections step; null when empty
 */
public record ValidatedRow(CustomerRecord record, String referenceId, ValidCustomer customer,
        List<Violation> violations, String connects) {

    public static ValidatedRow valid(CustomerRecord record, ValidCustomer customer) {
        return new ValidatedRow(record, customer.referenceId(), customer, List.of(), null);
    }

    public static ValidatedRow rejected(CustomerRecord record, String referenceId, List<Violation> violations) {
        return new ValidatedRow(record, referenceId, null, List.copyOf(violations), null);
    }

    /** The same row, carrying its connects cell. */
    public ValidatedRow withConnects(String cell) {
        return new ValidatedRow(record, referenceId, customer, violations, cell);
    }

    public boolean isValid() {
        return customer != null;
    }

    public long line() {
        return record.line();
    }
}
