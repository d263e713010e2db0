package org.onboarding.rules;

import java.util.List;

import org.onboarding.record.CustomerRecord;

/**
 * A record after the rules: either a {@link ValidCustomer} or the violations that reject it.
 * Rejected rows travel on to the writer too, so that rejects are recorded in the chunk's own
 * transaction and replayed with it if the chunk is rolled back.
 *
 * @param referenceId the row's referenceId as written (trimmed), for reports; may be null
 */
public record ValidatedRow(CustomerRecord record, String referenceId, ValidCustomer customer,
        List<Violation> violations) {

    public static ValidatedRow valid(CustomerRecord record, ValidCustomer customer) {
        return new ValidatedRow(record, customer.referenceId(), customer, List.of());
    }

    public static ValidatedRow rejected(CustomerRecord record, String referenceId, List<Violation> violations) {
        return new ValidatedRow(record, referenceId, null, List.copyOf(violations));
    }

    public boolean isValid() {
        return customer != null;
    }

    public long line() {
        return record.line();
    }
}
