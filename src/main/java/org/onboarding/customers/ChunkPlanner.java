package org.onboarding.customers;

import static org.onboarding.feed.IdentityDuplicatePolicy.REJECT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.onboarding.feed.AccountType;
import org.onboarding.feed.IdentityDuplicates;
import org.onboarding.feed.IdentityField;
import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportWarning;
import org.onboarding.imports.RowReject;
import org.onboarding.pii.PiiText;
import org.onboarding.rules.ValidCustomer;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.rules.Violation;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Decides what a chunk writes, applying its rows one after another in file order exactly as the
 * API would apply one call after another: a repeated referenceId updates what the earlier row
 * wrote (the later wins, empty cells leave values unchanged), and a BVN, email or phone held by
 * another referenceId of the same account type, in the database or earlier in the file, is an
 * identity duplicate (004's "by email/phone/BVN rules"), rejected or matched as the feed says for
 * that identity. Account type counts for email and phone as it does for BVN: a sole trader's
 * company commonly shares its owner's phone and email. Pure: the database's view comes in as
 * {@link ExistingCustomer}s, fetched in one query for the whole chunk.
 */
public class ChunkPlanner {

    private final IdentityDuplicates identityDuplicates;
    private final long jobInstanceId;
    // Time-ordered (version 7) ids: new customers land at the right-hand edge of the primary key and
    // of customer_field_value's key instead of at random pages of them, which a bulk import feels.
    private final TimeBasedEpochGenerator newIds = Generators.timeBasedEpochGenerator();

    public ChunkPlanner(IdentityDuplicates identityDuplicates, long jobInstanceId) {
        this.identityDuplicates = identityDuplicates;
        this.jobInstanceId = jobInstanceId;
    }

    public ChunkPlan plan(List<ValidatedRow> rows, List<ExistingCustomer> existing) {
        State state = new State(existing);
        Map<String, CustomerUpsert> upserts = new LinkedHashMap<>();
        List<RowReject> rejects = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        Set<Long> matchedLines = new HashSet<>();
        long created = 0;
        long updated = 0;
        long matched = 0;

        for (ValidatedRow row : rows) {
            if (!row.isValid()) {
                rejects.add(new RowReject(row.record(), row.referenceId(), row.violations()));
                continue;
            }
            ValidCustomer customer = row.customer();
            List<Duplicate> duplicates = state.duplicates(customer);
            if (!duplicates.isEmpty()) {
                // A row is matched only when every identity it shares is one the feed matches by.
                List<Violation> refused = duplicates.stream()
                        .filter(duplicate -> identityDuplicates.policy(duplicate.identity()) == REJECT)
                        .map(Duplicate::violation).toList();
                if (!refused.isEmpty()) {
                    rejects.add(new RowReject(row.record(), row.referenceId(), refused));
                } else {
                    warnings.add(duplicates.get(0).matchWarning(row.line(), customer.referenceId()));
                    matched++;
                    matchedLines.add(row.line());
                }
                continue;
            }

            Known known = state.byReference.get(customer.referenceId());
            CustomerUpsert earlier = upserts.get(customer.referenceId());
            if (known == null) {
                created++;
            } else {
                updated++;
                Long earlierLine = earlier != null ? Long.valueOf(earlier.line())
                        : known.writtenByThisImport(jobInstanceId) ? known.line() : null;
                if (earlierLine != null) {
                    warnings.add(new ImportWarning(row.line(), customer.referenceId(), "referenceId", String.format(
                            "referenceId %s is on lines %,d and %,d; the rows apply in file order, %s last",
                            customer.referenceId(), earlierLine, row.line(), PiiText.line(row.line()))));
                }
            }
            UUID id = known == null ? newIds.generate() : known.id();
            ValidCustomer merged = earlier == null ? customer : merge(earlier.customer(), customer);
            boolean createdHere = known == null || (earlier != null && earlier.created());
            upserts.put(customer.referenceId(), new CustomerUpsert(id, merged, row.line(), createdHere));
            state.apply(id, merged, row.line(), known, jobInstanceId);
        }
        ImportCounts counts = new ImportCounts(created, updated, matched, rejects.size(), warnings.size());
        return new ChunkPlan(List.copyOf(upserts.values()), rejects, warnings, matchedLines, counts);
    }

    /** The later row over the earlier one: its values win, its empty cells keep the earlier values. */
    static ValidCustomer merge(ValidCustomer earlier, ValidCustomer later) {
        Map<UUID, String> fields = new HashMap<>(earlier.fieldValues());
        fields.putAll(later.fieldValues());
        return new ValidCustomer(later.referenceId(), later.name(), later.accountType(),
                either(later.bvn(), earlier.bvn()), either(later.email(), earlier.email()),
                either(later.phone(), earlier.phone()), either(later.idType(), earlier.idType()),
                either(later.idNumber(), earlier.idNumber()),
                either(later.thirdPartyIdentifier(), earlier.thirdPartyIdentifier()), fields,
                later.walletOptions().over(earlier.walletOptions()));
    }

    private static String either(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** The identities customers are matched by that a row carries, absent ones left out. */
    private static Map<IdentityField, String> identities(ValidCustomer customer) {
        Map<IdentityField, String> identities = new EnumMap<>(IdentityField.class);
        putPresent(identities, IdentityField.BVN, customer.bvn());
        putPresent(identities, IdentityField.EMAIL, customer.email());
        putPresent(identities, IdentityField.PHONE, customer.phone());
        return identities;
    }

    private static Map<IdentityField, String> identities(ExistingCustomer customer) {
        Map<IdentityField, String> identities = new EnumMap<>(IdentityField.class);
        for (IdentityField identity : IdentityDuplicates.MATCHED) {
            putPresent(identities, identity, customer.identity(identity));
        }
        return identities;
    }

    private static void putPresent(Map<IdentityField, String> identities, IdentityField identity, String value) {
        if (value != null) {
            identities.put(identity, value);
        }
    }

    /** A customer as the chunk has seen it so far. */
    private record Known(UUID id, AccountType accountType, Map<IdentityField, String> identities, Long jobInstanceId,
            Long line) {

        boolean writtenByThisImport(long runningInstance) {
            return jobInstanceId != null && jobInstanceId == runningInstance;
        }
    }

    /** One identity value of one account type: what may belong to one referenceId only. */
    private record IdentityKey(IdentityField identity, AccountType accountType, String value) {
    }

    /** A row's identity that another referenceId holds. */
    private record Duplicate(IdentityField identity, String value, String holder) {

        /** The value as a message may show it: an email as a***@example.com, a BVN or phone as 221******78. */
        String masked() {
            return identity == IdentityField.EMAIL ? PiiText.maskEmail(value) : PiiText.mask(value);
        }

        Violation violation() {
            return new Violation(identity.columnName(), identity.columnName() + " " + masked()
                    + " already belongs to referenceId " + holder);
        }

        ImportWarning matchWarning(long line, String referenceId) {
            return new ImportWarning(line, referenceId, identity.columnName(), identity.columnName() + " " + masked()
                    + " belongs to referenceId " + holder + ": the row is treated as that existing customer and"
                    + " changes nothing");
        }
    }

    /** The database's view, updated row by row as the chunk applies. */
    private static final class State {

        final Map<String, Known> byReference = new HashMap<>();
        /*
         * Sorted sets rather than one holder: customers stored before email and phone were matched may
         * share one, and such a customer restating its own value is no duplicate; the first in order is
         * the one a message names.
         */
        final Map<IdentityKey, TreeSet<String>> holders = new HashMap<>();

        State(List<ExistingCustomer> existing) {
            for (ExistingCustomer customer : existing) {
                Map<IdentityField, String> identities = identities(customer);
                byReference.put(customer.referenceId(), new Known(customer.id(), customer.accountType(), identities,
                        customer.lastJobInstanceId(), customer.lastSourceLine()));
                hold(customer.referenceId(), customer.accountType(), identities);
            }
        }

        /** The row's identities other referenceIds hold, in the order BVN, email, phone. */
        List<Duplicate> duplicates(ValidCustomer customer) {
            List<Duplicate> duplicates = new ArrayList<>();
            for (Map.Entry<IdentityField, String> identity : identities(customer).entrySet()) {
                TreeSet<String> held = holders.get(new IdentityKey(identity.getKey(), customer.accountType(),
                        identity.getValue()));
                if (held != null && !held.contains(customer.referenceId())) {
                    duplicates.add(new Duplicate(identity.getKey(), identity.getValue(), held.first()));
                }
            }
            return duplicates;
        }

        void apply(UUID id, ValidCustomer merged, long line, Known before, long jobInstanceId) {
            Map<IdentityField, String> after = identities(merged);
            if (before != null) {
                before.identities().forEach(after::putIfAbsent);
                for (Map.Entry<IdentityField, String> identity : before.identities().entrySet()) {
                    IdentityKey key = new IdentityKey(identity.getKey(), before.accountType(), identity.getValue());
                    TreeSet<String> held = holders.get(key);
                    if (held != null && held.remove(merged.referenceId()) && held.isEmpty()) {
                        holders.remove(key);
                    }
                }
            }
            hold(merged.referenceId(), merged.accountType(), after);
            byReference.put(merged.referenceId(), new Known(id, merged.accountType(), after, jobInstanceId, line));
        }

        private void hold(String referenceId, AccountType accountType, Map<IdentityField, String> identities) {
            identities.forEach((identity, value) -> holders
                    .computeIfAbsent(new IdentityKey(identity, accountType, value), key -> new TreeSet<>())
                    .add(referenceId));
        }
    }
}
