package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onboarding.feed.IdentityField;
import org.onboarding.job.CrossPartIdentities.Claim;
import org.onboarding.job.CrossPartIdentities.Shared;

/**
 * The writers' plan never loses the parallelism to a Bloom filter's false alarm, and never misses a
 * value rows of two parts carry. Filters of 64 bits for thousands of values alarm on almost every
 * value, as a full-size filter does once in a few million.
 */
class CrossPartIdentitiesTest {

    private static final int ROWS = 2_000;

    @Test
    void distinctValuesFlaggedByFullFiltersAreClearedByTheSecondPass() {
        CrossPartIdentities identities = new CrossPartIdentities(2, 1, 0.5);
        for (int row = 0; row < ROWS; row++) {
            assertThat(identities.add(row % 2, claims(row))).isTrue();
        }

        assertThat(identities.needsSecondPass()).isTrue();
        for (int row = 0; row < ROWS; row++) {
            assertThat(identities.recheck(row + 2, row % 2, claims(row))).isEmpty();
        }
    }

    @Test
    void aValueCarriedByRowsOfTwoPartsIsFoundAtTheFirstLineThatMakesItShared() {
        List<Claim> sharedEmail = List.of(new Claim(IdentityField.EMAIL, "ada@example.com"));
        CrossPartIdentities identities = new CrossPartIdentities(2, 1, 0.5);
        // Line 2 and line ROWS + 3 in part 0, line ROWS + 4 in part 1: the last makes the email shared.
        identities.add(0, sharedEmail);
        for (int row = 0; row < ROWS; row++) {
            identities.add(row % 2, claims(row));
        }
        identities.add(0, sharedEmail);
        identities.add(1, sharedEmail);

        assertThat(identities.recheck(2, 0, sharedEmail)).isEmpty();
        for (int row = 0; row < ROWS; row++) {
            assertThat(identities.recheck(row + 3, row % 2, claims(row))).isEmpty();
        }
        assertThat(identities.recheck(ROWS + 3, 0, sharedEmail)).isEmpty();
        assertThat(identities.recheck(ROWS + 4, 1, sharedEmail)).contains(new Shared(ROWS + 4, IdentityField.EMAIL));
    }

    @Test
    void filtersSizedForTheirValuesFlagNothingAmongDistinctValues() {
        CrossPartIdentities identities = new CrossPartIdentities(2, 3L * ROWS, 1e-6);
        for (int row = 0; row < ROWS; row++) {
            identities.add(row % 2, claims(row));
        }

        assertThat(identities.needsSecondPass()).isFalse();
    }

    @Test
    void moreFlaggedValuesThanTheSecondPassWouldHoldStopTheFirstPass() {
        CrossPartIdentities identities = new CrossPartIdentities(2, 1, 0.5);
        boolean goOn = true;
        int row = 0;
        while (goOn && row <= CrossPartIdentities.MAX_SUSPECTS + ROWS) {
            goOn = identities.add(row % 2, List.of(new Claim(IdentityField.PHONE, "+234803" + (1_000_000 + row))));
            row++;
        }

        assertThat(goOn).isFalse();
        assertThat(row).isGreaterThan(CrossPartIdentities.MAX_SUSPECTS);
    }

    /** A row's three values, distinct from every other row's. */
    private static List<Claim> claims(int row) {
        return List.of(new Claim(IdentityField.BVN, String.format("22%09d", row)),
                new Claim(IdentityField.EMAIL, "customer." + row + "@example.com"),
                new Claim(IdentityField.PHONE, "+234803" + (1_000_000 + row)));
    }
}
