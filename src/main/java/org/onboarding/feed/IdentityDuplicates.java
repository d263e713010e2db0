package org.onboarding.feed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A feed's {@code identityDuplicates}: what an import does with a row whose BVN, email or phone
 * already belongs to another referenceId. Written as one policy for all three
 * ({@code "reject"}) or one per identity ({@code {"bvn": "reject", "email": "match"}}, an
 * identity left out being rejected).
 */
public record IdentityDuplicates(IdentityDuplicatePolicy bvn, IdentityDuplicatePolicy email,
        IdentityDuplicatePolicy phone) {

    /** The identities a customer is matched by, in the order a row's duplicates are reported. */
    public static final List<IdentityField> MATCHED =
            List.of(IdentityField.BVN, IdentityField.EMAIL, IdentityField.PHONE);

    public static final IdentityDuplicates REJECT_ALL = same(IdentityDuplicatePolicy.REJECT);

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public IdentityDuplicates(@JsonProperty("bvn") IdentityDuplicatePolicy bvn,
            @JsonProperty("email") IdentityDuplicatePolicy email,
            @JsonProperty("phone") IdentityDuplicatePolicy phone) {
        this.bvn = bvn == null ? IdentityDuplicatePolicy.REJECT : bvn;
        this.email = email == null ? IdentityDuplicatePolicy.REJECT : email;
        this.phone = phone == null ? IdentityDuplicatePolicy.REJECT : phone;
    }

    /** A plain string in the feed: the same policy for every identity. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IdentityDuplicates of(String policy) {
        return same(IdentityDuplicatePolicy.of(policy));
    }

    public static IdentityDuplicates same(IdentityDuplicatePolicy policy) {
        return new IdentityDuplicates(policy, policy, policy);
    }

    /** The policy for one of the {@link #MATCHED} identities. */
    public IdentityDuplicatePolicy policy(IdentityField identity) {
        return switch (identity) {
            case BVN -> bvn;
            case EMAIL -> email;
            case PHONE -> phone;
            default -> throw new IllegalArgumentException(identity + " is not an identity customers are matched by");
        };
    }
}
