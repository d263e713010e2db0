package org.onboarding.job;

import java.util.List;
import java.util.Locale;

import org.onboarding.rules.Violation;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Why the database refused a row, worded for a reject: the constraint's name, never the refused
 * values (the database's message quotes them, and they may hold a BVN).
 */
final class DatabaseRefusal {

    private static final List<String> CONSTRAINTS = List.of("customer_bvn_uk", "customer_reference_uk",
            "customer_account_type_ck", "customer_field_value");

    private DatabaseRefusal() {
    }

    static Violation violation(DataIntegrityViolationException refusal) {
        String message = String.valueOf(refusal.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        String constraint = CONSTRAINTS.stream().filter(message::contains).findFirst()
                .map(name -> "constraint " + name).orElse("an integrity constraint");
        return new Violation("row", "the database refused the row (" + constraint + ")");
    }
}
