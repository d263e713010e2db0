package org.onboarding.imports;

import java.util.List;

import org.onboarding.file.CustomerRecord;
import org.onboarding.rules.Violation;

/** A row refused, with every reason. */
public record RowReject(CustomerRecord record, String referenceId, List<Violation> violations) {
}
