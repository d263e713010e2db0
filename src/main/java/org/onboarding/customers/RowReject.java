package org.onboarding.customers;

import java.util.List;

import org.onboarding.record.CustomerRecord;
import org.onboarding.rules.Violation;

/** A row refused, with every reason. */
public record RowReject(CustomerRecord record, String referenceId, List<Violation> violations) {
}
