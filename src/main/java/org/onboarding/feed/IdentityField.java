package org.onboarding.feed;

/** The identity keys of 004 that a feed may require per account type. */
public enum IdentityField {
    BVN, EMAIL, PHONE, ID_TYPE, ID_NUMBER, THIRD_PARTY_IDENTIFIER;

    /** The column name as the API spells it (bvn, id_type, ...). */
    public String columnName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
