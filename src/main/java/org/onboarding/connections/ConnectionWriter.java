package org.onboarding.connections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onboarding.customers.CustomerKeys;
import org.onboarding.customers.CustomerStore;
import org.onboarding.customers.ExistingCustomer;
import org.onboarding.feed.ConnectionPolicy;
import org.onboarding.feed.Organization;
import org.onboarding.imports.ConnectionCounts;
import org.onboarding.imports.ConnectionReject;
import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportRun;
import org.onboarding.imports.ImportTally;
import org.onboarding.rejects.RejectStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Links a chunk of staged connects cells, in file order: every referenceId the chunk names is
 * resolved in one query (inside the organisation only), each connection is checked against the
 * roles' rules, and the chunk's connections are written in one statement (plus one removal under
 * policy replace, and again for each customer the chunk names twice under it). A refused connection is a reject of its own: it neither rejects its row's
 * customer nor the row's other connections.
 */
public class ConnectionWriter implements ItemWriter<StagedConnects> {

    private final CustomerStore customers;
    private final ConnectionStore connections;
    private final RejectStore rejects;
    private final ConnectsCell cells;
    private final ImportRun run;
    private final Organization organization;
    private final ConnectionPolicy policy;
    private final ImportTally tally;
    private final long skipLimit;

    public ConnectionWriter(CustomerStore customers, ConnectionStore connections, RejectStore rejects,
            ConnectsCell cells, ImportRun run, Organization organization, ConnectionPolicy policy, ImportTally tally,
            long skipLimit) {
        this.customers = customers;
        this.connections = connections;
        this.rejects = rejects;
        this.cells = cells;
        this.run = run;
        this.organization = organization;
        this.policy = policy;
        this.tally = tally;
        this.skipLimit = skipLimit;
    }

    @Override
    public void write(Chunk<? extends StagedConnects> chunk) {
        Map<StagedConnects, List<ConnectsCell.Entry>> entries = new LinkedHashMap<>();
        Set<String> referenceIds = new HashSet<>();
        for (StagedConnects row : chunk.getItems()) {
            List<ConnectsCell.Entry> parsed = cells.parse(row.connects());
            entries.put(row, parsed);
            if (row.referenceId() != null) {
                referenceIds.add(row.referenceId());
            }
            parsed.stream().map(ConnectsCell.Entry::relatedReferenceId).filter(Objects::nonNull)
                    .forEach(referenceIds::add);
        }
        Map<String, ExistingCustomer> known = customers.find(run.organizationId(), CustomerKeys.referenceIds(referenceIds))
                .stream()
                .collect(Collectors.toMap(ExistingCustomer::referenceId, Function.identity(), (a, b) -> a));

        List<ConnectionReject> refused = new ArrayList<>();
        ConnectionCounts counts = ConnectionCounts.NONE;
        Linked linked = new Linked();
        for (Map.Entry<StagedConnects, List<ConnectsCell.Entry>> row : entries.entrySet()) {
            ExistingCustomer holder = known.get(row.getKey().referenceId());
            // Under replace, a customer named again in the chunk is written as far as its earlier row
            // first, so the chunk counts exactly what the rows, applied one by one, would.
            if (policy == ConnectionPolicy.REPLACE && holder != null && linked.wanted.containsKey(holder.id())) {
                counts = counts.plus(write(linked));
                linked = new Linked();
            }
            link(row.getKey(), row.getValue(), known, refused, linked);
        }
        counts = counts.plus(write(linked));
        rejects.recordConnectionRejects(run, refused);
        tally.add(ImportCounts.of(counts.plus(new ConnectionCounts(0, 0, 0, refused.size()))));
        tally.failIfRejectsPass(skipLimit);
    }

    /** The connections some rows of a chunk ask for, not written yet. */
    private static final class Linked {

        final Map<UUID, Set<Connection>> wanted = new LinkedHashMap<>();
        final Set<UUID> replaced = new LinkedHashSet<>();
        long mentions;
    }

    /** Writes what the rows asked for: a connection named again (by any row) counts as already present. */
    private ConnectionCounts write(Linked linked) {
        List<Connection> all = linked.wanted.values().stream().flatMap(Set::stream).distinct().toList();
        int removed = linked.replaced.isEmpty() ? 0 : connections.removeOthers(linked.replaced,
                all.stream().filter(c -> linked.replaced.contains(c.customerId())).toList());
        int created = connections.insertMissing(all, run.jobInstanceId());
        return new ConnectionCounts(created, linked.mentions - created, removed, 0);
    }

    private void link(StagedConnects row, List<ConnectsCell.Entry> parsed, Map<String, ExistingCustomer> known,
            List<ConnectionReject> refused, Linked linked) {
        String notApplied = switch (row.outcome()) {
            case REJECTED -> "the row's customer was rejected";
            case MATCHED -> "the row was matched to an existing customer by its BVN, email or phone and changes"
                    + " nothing";
            case APPLIED -> known.containsKey(row.referenceId()) ? null
                    : "customer " + row.referenceId() + " is not a customer of " + organization.name();
        };
        ExistingCustomer holder = known.get(row.referenceId());
        Set<Connection> accepted = new LinkedHashSet<>();
        int refusedBefore = refused.size();
        for (ConnectsCell.Entry entry : parsed) {
            String reason = notApplied != null ? notApplied : check(entry, holder, known);
            if (reason != null) {
                refused.add(new ConnectionReject(row.line(), row.referenceId(), entry.relatedReferenceId(),
                        reason, row.rowCells()));
            } else {
                accepted.add(new Connection(holder.id(), known.get(entry.relatedReferenceId()).id(),
                        ConnectionRole.named(entry.role()).orElseThrow()));
            }
        }
        if (holder == null || notApplied != null) {
            return;
        }
        linked.mentions += accepted.size();
        // Under replace, a cell read without any reject is the customer's full list; a cell naming nothing
        // (only separators, or []) is empty, and like every empty cell changes nothing.
        if (policy == ConnectionPolicy.REPLACE && refused.size() == refusedBefore && !parsed.isEmpty()) {
            linked.replaced.add(holder.id());
            linked.wanted.put(holder.id(), accepted);
        } else {
            linked.wanted.computeIfAbsent(holder.id(), id -> new LinkedHashSet<>()).addAll(accepted);
        }
    }

    /** Why the connection cannot be stored, or null when it can. */
    private String check(ConnectsCell.Entry entry, ExistingCustomer holder, Map<String, ExistingCustomer> known) {
        if (entry.error() != null) {
            return entry.error();
        }
        var role = ConnectionRole.named(entry.role());
        if (role.isEmpty()) {
            return "role " + entry.role() + " is not one of " + Arrays.stream(ConnectionRole.values())
                    .map(ConnectionRole::name).collect(Collectors.joining(", "));
        }
        if (entry.relatedReferenceId().equals(holder.referenceId())) {
            return "a customer cannot be connected to itself";
        }
        ExistingCustomer related = known.get(entry.relatedReferenceId());
        if (related == null) {
            return "referenceId " + entry.relatedReferenceId() + " is not a customer of " + organization.name();
        }
        if (!role.get().mayBeHeldBy(holder.accountType())) {
            return role.get() + " may be held only by " + role.get().holders() + "; " + holder.referenceId()
                    + " is a " + holder.accountType().label();
        }
        return null;
    }
}
