package org.onboarding.job;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onboarding.customers.CustomerKeys;
import org.onboarding.customers.CustomerStore;
import org.onboarding.customers.ExistingCustomer;
import org.onboarding.db.SqlDialect;
import org.onboarding.feed.IdentityDuplicates;
import org.onboarding.feed.IdentityField;
import org.onboarding.file.CustomerFileReader;
import org.onboarding.file.CustomerRecord;
import org.onboarding.file.FilePosition;
import org.onboarding.file.RowPartition;
import org.onboarding.file.StandardColumn;
import org.onboarding.job.CrossPartIdentities.Claim;
import org.onboarding.pii.PiiText;
import org.onboarding.settings.OnboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides how many writers import a file side by side. Each writer applies the rows whose
 * referenceId falls in its part ({@link RowPartition}), so a customer's rows keep their file
 * order. Parts may run in any interleaving only when no row's outcome can depend on another
 * part's rows; a file is therefore split only when, for each identity customers are matched by
 * (BVN, email, phone, as the rules store them),
 * <ul>
 * <li>no value is carried by rows of two parts (else which row is the identity duplicate would
 * depend on which writer got there first), and</li>
 * <li>no row's value already belongs in the database to a referenceId of another part (whose row
 * might change it).</li>
 * </ul>
 * Account types are left out of both checks: a false alarm only costs the parallelism.
 * Otherwise one writer imports the file, in file order. One pass over the file decides, in memory
 * that does not grow with the file: values are remembered per part in Bloom filters
 * ({@link CrossPartIdentities}, whose false alarms a second pass over the values they flagged
 * settles) and looked up in the database in batches, one query per batch for all three identities;
 * none when the organisation holds no customer yet (its first import), whose values nothing can hold.
 */
@Component
class ImportPartsPlanner {

    private static final Logger log = LoggerFactory.getLogger(ImportPartsPlanner.class);
    private static final int LOOKUP_BATCH = 10_000;
    /** The values all parts' filters together are sized for at most: about 108 MB, dropped once the plan is made. */
    private static final long MAX_FILTERED_VALUES = 24_000_000;
    /**
     * Each part's filter is sized for 2.5 times its values at one false alarm in a thousand. Guava then
     * probes 10 bits per value, not the 20 that one in a million asks for (every probe of a put is a
     * cache miss in a filter of megabytes, and puts were most of the plan's time), and at the real count
     * a false alarm is rarer still: 7 in ten million, for a quarter more memory. A false alarm costs a
     * second read of the file, and only then.
     */
    private static final double FILTER_HEADROOM = 2.5;
    private static final double FILTER_FALSE_ALARMS = 1e-3;
    /** More writers than this only queue up on the database's locks and cores. */
    static final int MAX_WRITERS = 8;


    private final CustomerStore customers;
    private final SqlDialect dialect;
    private final int writers;
    private final int chunkSize;

    public ImportPartsPlanner(CustomerStore customers, SqlDialect dialect, OnboardProperties properties) {
        this.customers = customers;
        this.dialect = dialect;
        this.writers = Math.max(1, Math.min(properties.writers(), MAX_WRITERS));
        this.chunkSize = properties.chunkSize();
    }

    /**
     * How many parts the file is split into: 1 when it must be, or is not worth splitting.
     *
     * @param requested the writers (or a remote import's parts) asked for by this import, or null for
     *                  the configured number
     * @param remote    whether the parts run on workers rather than in this process's threads
     */
    public int parts(ImportContext context, long records, Integer requested, boolean remote) {
        int writers = remote ? Math.max(1, Math.min(requested == null ? ImportRequest.DEFAULT_REMOTE_PARTS : requested,
                ImportRequest.MAX_REMOTE_PARTS)) : requested == null ? this.writers : Math.max(1, Math.min(requested, MAX_WRITERS));
        if (writers == 1 || !dialect.allowsParallelWriters() || records < (long) writers * chunkSize) {
            return 1;
        }
        RowIdentities identities = new RowIdentities(context.header());
        if (!identities.any()) {
            return writers;
        }
        Optional<String> reason = sharedIdentity(context, identities, records, writers);
        reason.ifPresent(why -> log.info("{}: importing with one writer, in file order: {}", context.file(), why));
        return reason.isPresent() ? 1 : writers;
    }

    private Optional<String> sharedIdentity(ImportContext context, RowIdentities identities, long records,
            int writers) {
        long valuesPerPart = Math.min(MAX_FILTERED_VALUES / writers,
                IdentityDuplicates.MATCHED.size() * records / writers);
        CrossPartIdentities shared = new CrossPartIdentities(writers, (long) (FILTER_HEADROOM * valuesPerPart),
                FILTER_FALSE_ALARMS);
        Map<Claim, String> batch = new HashMap<>();
        boolean lookUp = !customers.noneOf(context.run().organizationId());
        try (Rows rows = new Rows(context, identities, writers)) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                if (!shared.add(row.part(), row.claims())) {
                    return Optional.of(String.format("rows of different writers' parts may share more than %,d"
                            + " BVNs, emails or phones", CrossPartIdentities.MAX_SUSPECTS));
                }
                if (!lookUp) {
                    continue;
                }
                for (Claim claim : row.claims()) {
                    batch.putIfAbsent(claim, row.referenceId());
                }
                if (batch.size() >= LOOKUP_BATCH) {
                    Optional<String> held = heldByAnother(context, batch, writers);
                    if (held.isPresent()) {
                        return held;
                    }
                    batch.clear();
                }
            }
        }
        Optional<String> held = heldByAnother(context, batch, writers);
        if (held.isPresent() || !shared.needsSecondPass()) {
            return held;
        }
        // Some values may be shared, or a filter raised a false alarm: the second pass tells, exactly.
        try (Rows rows = new Rows(context, identities, writers)) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                Optional<CrossPartIdentities.Shared> found = shared.recheck(row.line(), row.part(), row.claims());
                if (found.isPresent()) {
                    return Optional.of(PiiText.line(found.get().line()) + " carries "
                            + RowIdentities.named(found.get().identity())
                            + " that rows of another writer's part carry too");
                }
            }
        }
        return Optional.empty();
    }

    /** A row with a referenceId: its line, referenceId, part and identity values. */
    private record Row(long line, String referenceId, int part, List<Claim> claims) {
    }

    /** The file's rows with a referenceId, one at a time. */
    private static final class Rows implements AutoCloseable {

        private final ImportContext context;
        private final RowIdentities identities;
        private final int writers;
        private final CustomerFileReader reader;

        Rows(ImportContext context, RowIdentities identities, int writers) {
            this.context = context;
            this.identities = identities;
            this.writers = writers;
            this.reader = new CustomerFileReader(context.file(), context.charset(), context.feed().limits());
            reader.open(FilePosition.START);
        }

        /** The next row with a referenceId, or null at the end of the file. */
        Row next() {
            try {
                CustomerRecord record;
                while ((record = reader.read()) != null) {
                    String referenceId = context.header().cell(record.cells(), StandardColumn.REFERENCE_ID);
                    if (referenceId != null) {
                        List<Claim> claims = new ArrayList<>(3);
                        identities.of(record.cells()).forEach((identity, value) -> claims.add(new Claim(identity, value)));
                        return new Row(record.line(), referenceId, RowPartition.of(referenceId, writers), claims);
                    }
                }
                return null;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read " + context.file() + " to plan its writers", e);
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** Whether a stored customer holds a value the batch's rows carry while falling in another part. */
    private Optional<String> heldByAnother(ImportContext context, Map<Claim, String> referenceIdByClaim,
            int writers) {
        if (referenceIdByClaim.isEmpty()) {
            return Optional.empty();
        }
        Map<IdentityField, List<String>> values = new EnumMap<>(IdentityField.class);
        IdentityDuplicates.MATCHED.forEach(identity -> values.put(identity, new ArrayList<>()));
        referenceIdByClaim.keySet().forEach(claim -> values.get(claim.identity()).add(claim.value()));
        CustomerKeys keys = new CustomerKeys(List.of(), values.get(IdentityField.BVN), values.get(IdentityField.EMAIL),
                values.get(IdentityField.PHONE));
        for (ExistingCustomer holder : customers.find(context.run().organizationId(), keys)) {
            for (IdentityField identity : IdentityDuplicates.MATCHED) {
                String referenceId = referenceIdByClaim.get(new Claim(identity, holder.identity(identity)));
                if (referenceId != null && !holder.referenceId().equals(referenceId)
                        && RowPartition.of(holder.referenceId(), writers) != RowPartition.of(referenceId, writers)) {
                    return Optional.of("a row's " + identity.columnName() + " belongs to referenceId "
                            + holder.referenceId() + " in the database");
                }
            }
        }
        return Optional.empty();
    }
}
