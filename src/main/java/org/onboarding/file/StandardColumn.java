package org.onboarding.file;

import org.onboarding.feed.ColumnKey;

/**
 * The columns that are the customer record's own keys (000) or its first-class identity keys
 * (004); every other column is a customer field.
 */
public enum StandardColumn {
    REFERENCE_ID("referenceId", true),
    NAME("name", true),
    ACCOUNT_TYPE_ID("accountTypeId", true),
    CONNECTS("connects", false),
    BVN("bvn", false),
    EMAIL("email", false),
    PHONE("phone", false),
    ID_TYPE("id_type", false),
    ID_NUMBER("id_number", false),
    THIRD_PARTY_IDENTIFIER("third_party_identifier", false),
    ENABLE_INTEREST_ACCRUAL("enable_interest_accrual", false),
    INTEREST_PAYOUT_WALLET("interest_payout_wallet", false),
    BYPASS_WITHDRAWAL_LIMIT_RULE("bypass_withdrawal_limit_rule", false);

    private final String apiName;
    private final boolean required;

    StandardColumn(String apiName, boolean required) {
        this.apiName = apiName;
        this.required = required;
    }

    /** The name the API uses, which reports and messages use too. */
    public String apiName() {
        return apiName;
    }

    /** Whether a file without this column is refused. */
    public boolean required() {
        return required;
    }

    public String key() {
        return ColumnKey.of(apiName);
    }
}
