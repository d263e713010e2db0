package org.onboarding.job;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.onboarding.feed.IdentityDuplicates;
import org.onboarding.feed.IdentityField;
import org.onboarding.file.FileHeader;
import org.onboarding.file.StandardColumn;
import org.onboarding.rules.BvnRule;
import org.onboarding.rules.PhoneRule;

/**
 * The BVN, email and phone a row of a file carries, as the rules store them, read for the writers'
 * plan before any row is validated. Two cells the rules store as the same value always give the
 * same value here; a cell the rules would reject may still give one, which only costs a false
 * alarm (the file imported by one writer). Nigerian numbers in their two usual spellings skip
 * libphonenumber altogether, validation too, which would otherwise dominate the plan of a large file.
 */
final class RowIdentities {

    private final FileHeader header;
    private final BvnRule bvnRule = new BvnRule();
    private final PhoneRule phoneRule = new PhoneRule();

    RowIdentities(FileHeader header) {
        this.header = header;
    }

    /** Whether the file has a column of any identity customers are matched by. */
    boolean any() {
        return IdentityDuplicates.MATCHED.stream().anyMatch(identity -> header.has(column(identity)));
    }

    /** The row's identities, absent and unreadable ones left out. */
    Map<IdentityField, String> of(String[] cells) {
        Map<IdentityField, String> identities = new EnumMap<>(IdentityField.class);
        String bvn = bvnRule.check(header.cell(cells, StandardColumn.BVN), new ArrayList<>());
        String email = header.cell(cells, StandardColumn.EMAIL);
        String phone = phone(header.cell(cells, StandardColumn.PHONE));
        if (bvn != null) {
            identities.put(IdentityField.BVN, bvn);
        }
        if (email != null) {
            identities.put(IdentityField.EMAIL, email.toLowerCase(Locale.ROOT));
        }
        if (phone != null) {
            identities.put(IdentityField.PHONE, phone);
        }
        return identities;
    }

    /** The number in E.164, as the phone rule stores it. */
    String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String usual = PhoneRule.usualNigerianSpelling(raw);
        return usual != null ? usual : phoneRule.check(raw, new ArrayList<>());
    }

    private static StandardColumn column(IdentityField identity) {
        return switch (identity) {
            case BVN -> StandardColumn.BVN;
            case EMAIL -> StandardColumn.EMAIL;
            case PHONE -> StandardColumn.PHONE;
            default -> throw new IllegalArgumentException(identity + " is not an identity customers are matched by");
        };
    }

    /** For the plan's messages, which never show the value itself. */
    static String named(IdentityField identity) {
        return identity == IdentityField.BVN ? "a BVN" : identity == IdentityField.EMAIL ? "an email" : "a phone";
    }
}
