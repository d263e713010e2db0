package org.onboarding.feed;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What an import does with a row whose identity (BVN, email or phone) already belongs to another
 * referenceId of the same organisation and account type.
 */
public enum IdentityDuplicatePolicy {
    /** Reject the row, naming the identity and the referenceId that holds it (the default). */
    REJECT,
    /**
     * Treat the row as that existing customer and leave it unchanged, like 004's
     * {@code returnIfExist=true}: no new customer, no error, a warning naming the holder.
     */
    MATCH;

    /**
     * Reads a feed's spelling, whatever its case; {@code use_existing}, this policy's first name, still
     * means {@link #MATCH} so that feeds written before keep working.
     */
    @JsonCreator
    public static IdentityDuplicatePolicy of(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "reject" -> REJECT;
            case "match", "use_existing" -> MATCH;
            default -> throw new IllegalArgumentException(
                    "identityDuplicates must be reject or match (use_existing is match), not '" + name + "'");
        };
    }
}
