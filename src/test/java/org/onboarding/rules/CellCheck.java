package org.onboarding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.assertj.core.api.AbstractStringAssert;

/**
 * One rule checking one cell of a field, with the violations it reports: lets a rule's test say
 * only the cell and what becomes of it (accepted as a value, or rejected with a reason).
 */
final class CellCheck<T> {

    private final String field;
    private final BiFunction<String, List<Violation>, T> rule;
    private final List<Violation> violations = new ArrayList<>();

    CellCheck(String field, BiFunction<String, List<Violation>, T> rule) {
        this.field = field;
        this.rule = rule;
    }

    T check(String raw) {
        return rule.apply(raw, violations);
    }

    /** The cell is accepted as {@code expected} (null for an absent cell the rule lets pass) with no violation. */
    void assertAccepted(String raw, T expected) {
        assertThat(check(raw)).isEqualTo(expected);
        assertThat(violations).isEmpty();
    }

    /** The cell is rejected with exactly this violation of the field. */
    void assertRejected(String raw, String reason) {
        assertThat(check(raw)).isNull();
        assertThat(violations).containsExactly(new Violation(field, reason));
    }

    /** The cell is rejected with one violation of the field; returns its reason for the test to look into. */
    AbstractStringAssert<?> assertRejected(String raw) {
        assertThat(check(raw)).isNull();
        return assertOnlyReason();
    }

    /** The one violation reported so far is of the field; returns its reason for the test to look into. */
    AbstractStringAssert<?> assertOnlyReason() {
        assertThat(violations).singleElement().extracting(Violation::field).isEqualTo(field);
        return assertThat(violations.get(0).reason());
    }
}
