package org.onboarding.customers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import org.onboarding.feed.AccountType;
import org.onboarding.feed.IdentityDuplicatePolicy;
import org.onboarding.rules.ValidCustomer;
import org.onboarding.rules.ValidatedRow;
import org.onboarding.rules.Violation;

/**
 * Decides what a chunk writes, applying its rows one after another in file order exactly as the
 * API would apply one call after another: a repeated referenceId updates what the earlier row
 * wrote (the later wins, empty cells leave values unchanged), and a BVN held by another
 * referenceId of the same account type, in the database or earlier in the file, is an identity
 * duplicate. Pure: the database's view comes in as {@link ExistingCustomer}s, fetched in one
 * query for the whole chunk.
 */
public class ChunkPlanner {

    private final IdentityDuplicatePolicy identityDuplicates;
    private final long jobInstanceId;
    // Time-ordered (version 7) ids: new customers land at the right-hand edge of the primary key and
    // of customer_field_value's key instead of at random pages of them, which a bulk import feels.
    private final TimeBasedEpochGenerator newIds = Generators.timeBasedEpochGenerator();

    public ChunkPlanner(IdentityDuplicatePolicy identityDuplicates, long jobInstanceId) {
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
            String holder = state.bvnHolder(customer);
            if (holder != null && !holder.equals(customer.referenceId())) {
                if (identityDuplicates == IdentityDuplicatePolicy.REJECT) {
                    rejects.add(new RowReject(row.record(), row.referenceId(), List.of(new Violation("bvn",
                            "bvn already belongs to referenceId " + holder))));
                } else {
                    warnings.add(new ImportWarning(row.line(), customer.referenceId(), "bvn", "bvn belongs to referenceId "
                            + holder + ": the row is treated as that existing customer and changes nothing"));
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
                    warnings.add(new ImportWarning(row.line(), customer.referenceId(), "referenceId", "referenceId "
                            + customer.referenceId() + " is on lines " + earlierLine + " and " + row.line()
                            + "; the rows apply in file order, line " + row.line() + " last"));
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

    /** A customer as the chunk has seen it so far. */
    private record Known(UUID id, AccountType accountType, String bvn, Long jobInstanceId, Long line) {

        boolean writtenByThisImport(long runningInstance) {
            return jobInstanceId != null && jobInstanceId == runningInstance;
        }
    }

    private record BvnKey(AccountType accountType, String bvn) {
    }

    /** The database's view, updated row by row as the chunk applies. */
    private static final class State {

        final Map<String, Known> byReference = new HashMap<>();
        final Map<BvnKey, String> bvnHolders = new HashMap<>();

        State(List<ExistingCustomer> existing) {
            for (ExistingCustomer customer : existing) {
                byReference.put(customer.referenceId(), new Known(customer.id(), customer.accountType(), customer.bvn(),
                        customer.lastJobInstanceId(), customer.lastSourceLine()));
                if (customer.bvn() != null) {
                    bvnHolders.put(new BvnKey(customer.accountType(), customer.bvn()), customer.referenceId());
                }
            }
        }

        String bvnHolder(ValidCustomer customer) {
            return customer.bvn() == null ? null : bvnHolders.get(new BvnKey(customer.accountType(), customer.bvn()));
        }

        void apply(UUID id, ValidCustomer merged, long line, Known before, long jobInstanceId) {
            if (before != null && before.bvn() != null) {
                bvnHolders.remove(new BvnKey(before.accountType(), before.bvn()), merged.referenceId());
            }
            String bvn = merged.bvn() != null ? merged.bvn() : before == null ? null : before.bvn();
            if (bvn != null) {
                bvnHolders.put(new BvnKey(merged.accountType(), bvn), merged.referenceId());
            }
            byReference.put(merged.referenceId(), new Known(id, merged.accountType(), bvn, jobInstanceId, line));
        }
    }
}
