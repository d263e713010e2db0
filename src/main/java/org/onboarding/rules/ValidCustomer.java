package org.onboarding.rules;

import java.util.Map;
import java.util.UUID;

import org.onboarding.feed.AccountType;

/**
 * A row that passed every rule, in canonical form: what gets upserted. Absent optional values
 * are null (an empty cell leaves the stored value unchanged on update).
 *
 * @param fieldValues canonical custom field values by field definition id; only non-empty ones
 * @param walletOptions the row's options for the customer's default wallet
 */
public record ValidCustomer(String referenceId, String name, AccountType accountType, String bvn, String email,
        String phone, String idType, String idNumber, String thirdPartyIdentifier, Map<UUID, String> fieldValues,
        WalletOptions walletOptions) {

    /** A customer whose row carries no wallet option. */
    public ValidCustomer(String referenceId, String name, AccountType accountType, String bvn, String email,
            String phone, String idType, String idNumber, String thirdPartyIdentifier, Map<UUID, String> fieldValues) {
        this(referenceId, name, accountType, bvn, email, phone, idType, idNumber, thirdPartyIdentifier, fieldValues,
                WalletOptions.NONE);
    }
}
