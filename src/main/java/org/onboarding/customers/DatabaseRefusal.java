package org.onboarding.customers;

import java.util.List;
import java.util.Locale;

import org.onboarding.rejects.ImportRun;
import org.onboarding.rejects.PiiMask;
import org.onboarding.rejects.RejectStore;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.rules.Violation;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A row the database itself refuses (a constraint the rules did not foresee) rejects that row
 * only: Spring Batch rewrites the chunk row by row, and this policy lets the refused row be
 * skipped into the rejects, within the same skip limit as every other reject. The reason names
 * the constraint, never the refused values, which may hold a BVN.
 */
public class DatabaseRefusal implements SkipPolicy, SkipListener<Object, ValidatedRow> {

    private static final List<String> CONSTRAINTS = List.of("customer_bvn_uk", "customer_reference_uk",
            "customer_account_type_ck", "customer_field_value");

    private final RejectStore rejects;
    private final ImportRun run;
    private final PiiMask mask;
    private final ImportTally tally;
    private final long skipLimit;

    public DatabaseRefusal(RejectStore rejects, ImportRun run, PiiMask mask, ImportTally tally, long skipLimit) {
        this.rejects = rejects;
        this.run = run;
        this.mask = mask;
        this.tally = tally;
        this.skipLimit = skipLimit;
    }

    @Override
    public boolean shouldSkip(Throwable failure, long skipCount) {
        if (!(failure instanceof DataIntegrityViolationException)) {
            return false;
        }
        if (skipCount >= 0 && tally.rejectedSoFar() >= skipLimit) {
            throw new SkipLimitExceededException(skipLimit, failure);
        }
        return true;
    }

    @Override
    public void onSkipInWrite(ValidatedRow row, Throwable failure) {
        Violation violation = new Violation("row", "the database refused the row (" + constraint(failure) + ")");
        rejects.recordRejects(run, List.of(new RowReject(row.record(), row.referenceId(), List.of(violation))), mask);
        tally.add(new ImportCounts(0, 0, 0, 1, 0));
    }

    private static String constraint(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return CONSTRAINTS.stream().filter(message::contains).findFirst()
                .map(name -> "constraint " + name).orElse("integrity constraint violated");
    }
}
