package org.onboarding.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onboarding.feed.IdentityField;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnel;

/**
 * Whether any identity value (a BVN, email or phone, as the rules store it) is carried by rows of two
 * parts of a file, in memory that does not grow with the file. The first pass over the rows puts each
 * value in its part's Bloom filter and notes, exactly, the values another part's filter may already
 * hold; only when there are such suspects, a second pass looks at those values alone and says which is
 * truly shared. A Bloom filter's false alarm therefore costs a second read of the file, never the
 * parallelism: at five million rows, filters at one false alarm in a million raise about one per file.
 */
final class CrossPartIdentities {

    /** One identity value a row carries; one filter per part holds all three identities. */
    record Claim(IdentityField identity, String value) {
    }

    /** A value rows of two parts carry: the first line found carrying it in a part other than the first's. */
    record Shared(long line, IdentityField identity) {
    }

    /** More values than this flagged means the parts really share identities: a second pass would not pay. */
    static final int MAX_SUSPECTS = 100_000;

    /** A claim's identity and value, hashed as they are: no key string built per value. */
    private static final Funnel<Claim> CLAIMS = (claim, into) ->
            into.putInt(claim.identity().ordinal()).putUnencodedChars(claim.value());

    private final List<BloomFilter<Claim>> seen = new ArrayList<>();
    private final Set<Claim> suspects = new HashSet<>();
    private final Map<Claim, Integer> partOfSuspect = new HashMap<>();

    /**
     * @param parts          the parts rows fall into
     * @param valuesPerPart  the values each part's filter is sized for
     * @param falseAlarms    the chance that a filter flags a value it does not hold, at that many values
     */
    CrossPartIdentities(int parts, long valuesPerPart, double falseAlarms) {
        for (int part = 0; part < parts; part++) {
            seen.add(BloomFilter.create(CLAIMS, Math.max(1, valuesPerPart), falseAlarms));
        }
    }

    /** First pass: a row's values, in its part. Returns false once too many values are flagged to go on. */
    boolean add(int part, Iterable<Claim> claims) {
        for (Claim claim : claims) {
            for (int other = 0; other < seen.size(); other++) {
                if (other != part && seen.get(other).mightContain(claim)) {
                    suspects.add(claim);
                }
            }
            seen.get(part).put(claim);
        }
        return suspects.size() <= MAX_SUSPECTS;
    }

    /** Whether the first pass flagged a value, so that only a second pass can tell. */
    boolean needsSecondPass() {
        return !suspects.isEmpty();
    }

    /** Second pass, the rows again in the same order: the first flagged value found in two parts. */
    Optional<Shared> recheck(long line, int part, Iterable<Claim> claims) {
        for (Claim claim : claims) {
            if (suspects.contains(claim)) {
                Integer first = partOfSuspect.putIfAbsent(claim, part);
                if (first != null && first != part) {
                    return Optional.of(new Shared(line, claim.identity()));
                }
            }
        }
        return Optional.empty();
    }
}
