package org.onboarding.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onboarding.feed.AccountType;
import org.onboarding.feed.Feed;
import org.onboarding.feed.IdentityField;
import org.onboarding.file.CustomColumn;
import org.onboarding.file.CustomerRecord;
import org.onboarding.file.FileHeader;
import org.onboarding.file.StandardColumn;
import org.onboarding.rules.IdDocumentRule.IdDocument;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies every rule of 000 and 004 to one record and reports all of a row's violations
 * together. Pure: it reads nothing but the record, so chunks may validate rows in parallel.
 * Rules that need the database (identity duplicates) are the writer's.
 */
public class CustomerValidator implements ItemProcessor<CustomerRecord, ValidatedRow> {

    private final FileHeader header;
    private final ReferenceIdRule referenceIdRule = new ReferenceIdRule();
    private final NameRule nameRule = new NameRule();
    private final AccountTypeRule accountTypeRule = new AccountTypeRule();
    private final BvnRule bvnRule = new BvnRule();
    private final EmailRule emailRule = new EmailRule();
    private final PhoneRule phoneRule = new PhoneRule();
    private final IdDocumentRule idDocumentRule = new IdDocumentRule();
    private final RequiredIdentityRule requiredIdentityRule;
    private final CustomFieldRule customFieldRule = new CustomFieldRule(emailRule, phoneRule);

    public CustomerValidator(Feed feed, FileHeader header) {
        this.header = header;
        this.requiredIdentityRule = new RequiredIdentityRule(feed);
    }

    @Override
    public ValidatedRow process(CustomerRecord record) {
        String[] cells = record.cells();
        List<Violation> violations = new ArrayList<>();
        if (cells.length > header.names().size()) {
            violations.add(new Violation("row", "the row has " + cells.length + " cells but the header has "
                    + header.names().size() + " (an unquoted comma?)"));
        }
        String rawReferenceId = header.cell(cells, StandardColumn.REFERENCE_ID);
        String referenceId = referenceIdRule.check(rawReferenceId, violations);
        String name = nameRule.check(header.cell(cells, StandardColumn.NAME), violations);
        AccountType accountType = accountTypeRule.check(header.cell(cells, StandardColumn.ACCOUNT_TYPE_ID), violations);

        Map<IdentityField, String> identity = new EnumMap<>(IdentityField.class);
        identity.put(IdentityField.BVN, header.cell(cells, StandardColumn.BVN));
        identity.put(IdentityField.EMAIL, header.cell(cells, StandardColumn.EMAIL));
        identity.put(IdentityField.PHONE, header.cell(cells, StandardColumn.PHONE));
        identity.put(IdentityField.ID_TYPE, header.cell(cells, StandardColumn.ID_TYPE));
        identity.put(IdentityField.ID_NUMBER, header.cell(cells, StandardColumn.ID_NUMBER));
        identity.put(IdentityField.THIRD_PARTY_IDENTIFIER, header.cell(cells, StandardColumn.THIRD_PARTY_IDENTIFIER));
        if (accountType != null) {
            requiredIdentityRule.check(accountType, identity, violations);
        }
        String bvn = bvnRule.check(identity.get(IdentityField.BVN), violations);
        String email = emailRule.check(identity.get(IdentityField.EMAIL), violations);
        String phone = phoneRule.check(identity.get(IdentityField.PHONE), violations);
        IdDocument document = idDocumentRule.check(identity.get(IdentityField.ID_TYPE),
                identity.get(IdentityField.ID_NUMBER), violations);
        String thirdPartyIdentifier = thirdPartyIdentifier(identity.get(IdentityField.THIRD_PARTY_IDENTIFIER),
                violations);

        Map<UUID, String> fieldValues = new HashMap<>();
        for (CustomColumn column : header.customColumns()) {
            String value = customFieldRule.check(column.definition(), FileHeader.cell(cells, column.index()),
                    accountType, violations);
            if (value != null) {
                fieldValues.put(column.definition().id(), value);
            }
        }

        WalletOptions walletOptions = walletOptions(cells, violations);
        String connects = header.cell(cells, StandardColumn.CONNECTS);
        if (!violations.isEmpty()) {
            return ValidatedRow.rejected(record, rawReferenceId, violations).withConnects(connects);
        }
        return ValidatedRow.valid(record, new ValidCustomer(referenceId, name, accountType, bvn, email, phone,
                document == null ? null : document.type(), document == null ? null : document.number(),
                thirdPartyIdentifier, fieldValues, walletOptions)).withConnects(connects);
    }

    /** 004's options for the default wallet: two yes-or-no cells and a wallet id (whether it exists is the writer's to check). */
    private WalletOptions walletOptions(String[] cells, List<Violation> violations) {
        String accrual = header.cell(cells, StandardColumn.ENABLE_INTEREST_ACCRUAL);
        String payout = header.cell(cells, StandardColumn.INTEREST_PAYOUT_WALLET);
        String bypass = header.cell(cells, StandardColumn.BYPASS_WITHDRAWAL_LIMIT_RULE);
        UUID payoutWallet = null;
        if (payout != null) {
            try {
                payoutWallet = UUID.fromString(payout);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("interest_payout_wallet", "interest_payout_wallet must be a wallet id"
                        + " (a UUID), not " + Violation.quote(payout)));
            }
        }
        return new WalletOptions(yesOrNo("enable_interest_accrual", accrual, violations), payoutWallet,
                yesOrNo("bypass_withdrawal_limit_rule", bypass, violations));
    }

    private static Boolean yesOrNo(String field, String raw, List<Violation> violations) {
        String value = raw == null ? null : BooleanCell.check(field, raw, violations);
        return value == null ? null : Boolean.valueOf(value);
    }

    private static String thirdPartyIdentifier(String raw, List<Violation> violations) {
        if (raw != null && raw.length() > 128) {
            violations.add(new Violation("third_party_identifier", "third_party_identifier is longer than 128 characters"));
            return null;
        }
        return raw;
    }
}
