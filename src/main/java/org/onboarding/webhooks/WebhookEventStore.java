package org.onboarding.webhooks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onboarding.db.SqlArrays;
import org.onboarding.db.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox as the dispatcher and operators use it: claiming due events, recording attempts,
 * listing, re-queuing dead letters, and each endpoint's health and circuit. Work is per batch: a claim
 * is two statements, recording a batch's attempts four more (attempts, events, endpoints' circuits).
 */
@Component
public class WebhookEventStore {

    // SKIP LOCKED: a second dispatcher passes over the rows the first one is claiming, instead of waiting for them.
    private static final String DUE = """
            select id, organization_id, event_type, cast(payload as varchar) as payload, attempts
            from webhook_event
            where status = 'PENDING' and next_attempt_at <= ? and organization_id = any(cast(? as uuid array))
            order by next_attempt_at, id
            limit ?
            for update skip locked""";

    private static final String EVENT_COLUMNS = """
            select id, organization_id, event_type, status, attempts, created_at, next_attempt_at, delivered_at, last_error
            from webhook_event""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SqlDialect dialect;

    public WebhookEventStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.dialect = dialect;
    }

    /**
     * Claims up to {@code limit} events of these organisations due by {@code now}: they are not due
     * again, for any dispatcher, before {@code leaseUntil}, by when this one has recorded their attempts.
     */
    public List<DueEvent> claim(Collection<UUID> organizations, Instant now, Instant leaseUntil, int limit) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        return transaction.execute(status -> {
            List<DueEvent> due = jdbc.query(statement(DUE, timestamp(now), organizations, limit),
                    (row, n) -> new DueEvent(row.getObject("id", UUID.class), row.getObject("organization_id", UUID.class),
                            row.getString("event_type"), row.getString("payload"), row.getInt("attempts")));
            if (!due.isEmpty()) {
                jdbc.update(statement("update webhook_event set next_attempt_at = ? where id = any(cast(? as uuid array))",
                        timestamp(leaseUntil), due.stream().map(DueEvent::id).toList()));
            }
            return due;
        });
    }

    /**
     * Records a batch's attempts, and what they leave each event as, in one transaction. An event whose
     * lease is no longer {@code leaseUntil} was claimed again by another dispatcher after this one's
     * lease ran out: its attempt is kept in the history, but its state is the other dispatcher's to set.
     */
    public void record(List<DeliveryOutcome> outcomes, Instant leaseUntil) {
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                    insert into webhook_attempt (event_id, attempt, attempted_at, status_code, latency_ms, error)
                    values (?, ?, ?, ?, ?, ?)""", outcomes.stream().map(outcome -> {
                DeliveryAttempt attempt = outcome.attempt();
                return new Object[] {attempt.event().id(), attempt.number(), timestamp(attempt.attemptedAt()),
                        attempt.statusCode(), attempt.latencyMillis(), truncate(attempt.error())};
            }).toList());
            jdbc.batchUpdate("""
                    update webhook_event
                    set status = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at), delivered_at = ?,
                        last_error = ?
                    where id = ? and next_attempt_at = ?""", outcomes.stream().map(outcome -> {
                DeliveryAttempt attempt = outcome.attempt();
                return new Object[] {outcome.status().name(), attempt.number(), timestamp(outcome.nextAttemptAt()),
                        attempt.delivered() ? timestamp(attempt.attemptedAt()) : null, truncate(attempt.error()),
                        attempt.event().id(), timestamp(leaseUntil)};
            }).toList());
            // Each endpoint's run of failures, attempt by attempt: a delivery ends it, a failure lengthens it.
            List<UUID> organizations = outcomes.stream().map(outcome -> outcome.attempt().event().organizationId())
                    .distinct().toList();
            // Another dispatcher may insert an endpoint's first circuit row at the same moment.
            dialect.ensureRows(jdbc, "webhook_endpoint_circuit", "organization_id", "uuid", organizations);
            jdbc.batchUpdate("""
                    update webhook_endpoint_circuit
                    set consecutive_failures = case when ? then 0 else consecutive_failures + 1 end,
                        last_failure_at = case when ? then last_failure_at else ? end
                    where organization_id = ?""", outcomes.stream().map(outcome -> {
                DeliveryAttempt attempt = outcome.attempt();
                return new Object[] {attempt.delivered(), attempt.delivered(), timestamp(attempt.attemptedAt()),
                        attempt.event().organizationId()};
            }).toList());
        });
    }

    /** Each of these endpoints' circuit, now; closed for one never attempted. */
    public Map<UUID, Circuit> circuits(Collection<UUID> organizations, WebhookProperties.CircuitBreaker breaker,
            Instant now) {
        Map<UUID, Circuit> circuits = new HashMap<>();
        if (!organizations.isEmpty()) {
            jdbc.query(statement("""
                    select organization_id, consecutive_failures, last_failure_at from webhook_endpoint_circuit
                    where organization_id = any(cast(? as uuid array))""", organizations), row -> {
                circuits.put(row.getObject("organization_id", UUID.class),
                        Circuit.of(row.getInt("consecutive_failures"), instant(row, "last_failure_at"), breaker, now));
            });
        }
        organizations.forEach(organization -> circuits.putIfAbsent(organization, Circuit.of(0, null, breaker, now)));
        return circuits;
    }

    /** How many events of these organisations are pending, due or not. */
    public Map<UUID, Long> pending(Collection<UUID> organizations) {
        Map<UUID, Long> pending = new HashMap<>();
        if (!organizations.isEmpty()) {
            jdbc.query(statement("""
                    select organization_id, count(*) as events from webhook_event
                    where status = 'PENDING' and organization_id = any(cast(? as uuid array)) group by organization_id""", organizations),
                    row -> {
                        pending.put(row.getObject("organization_id", UUID.class), row.getLong("events"));
                    });
        }
        return pending;
    }

    /** The latest events, newest first, optionally only of one status, organisation or type. */
    public List<StoredEvent> list(EventStatus status, UUID organization, String type, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder(EVENT_COLUMNS).append(" where 1 = 1");
        if (status != null) {
            sql.append(" and status = ?");
            arguments.add(status.name());
        }
        if (organization != null) {
            sql.append(" and organization_id = ?");
            arguments.add(organization);
        }
        if (type != null) {
            sql.append(" and event_type = ?");
            arguments.add(type);
        }
        sql.append(" order by created_at desc, id desc limit ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (row, n) -> storedEvent(row), arguments.toArray());
    }

    /** The events of these ids that exist, by id. */
    public Map<UUID, StoredEvent> find(Collection<UUID> ids) {
        Map<UUID, StoredEvent> found = new HashMap<>();
        jdbc.query(statement(EVENT_COLUMNS + " where id = any(cast(? as uuid array))", ids), row -> {
            StoredEvent event = storedEvent(row);
            found.put(event.id(), event);
        });
        return found;
    }

    /**
     * Puts failed events back in the queue, due at {@code now}, with a fresh retry schedule: those of
     * these ids, or every failed one (of one organisation when given) when ids is null. Returns how many.
     */
    public int requeueFailed(Collection<UUID> ids, UUID organization, Instant now) {
        String sql = "update webhook_event set status = 'PENDING', attempts = 0, next_attempt_at = ? where status = 'FAILED'";
        if (ids != null) {
            return jdbc.update(statement(sql + " and id = any(cast(? as uuid array))", timestamp(now), ids));
        }
        return organization == null ? jdbc.update(sql, timestamp(now))
                : jdbc.update(sql + " and organization_id = ?", timestamp(now), organization);
    }

    /** Each endpoint's events by status and its attempts since {@code since}. */
    public List<EndpointHealth> health(List<WebhookEndpoint> endpoints, Instant since) {
        Map<UUID, Map<EventStatus, Long>> events = new HashMap<>();
        jdbc.query("select organization_id, status, count(*) as events from webhook_event group by organization_id, status",
                row -> {
                    events.computeIfAbsent(row.getObject("organization_id", UUID.class),
                            id -> new EnumMap<>(EventStatus.class))
                            .put(EventStatus.valueOf(row.getString("status")), row.getLong("events"));
                });
        Map<UUID, long[]> attempts = new HashMap<>();
        Map<UUID, Instant> lastDelivery = new HashMap<>();
        jdbc.query("""
                select e.organization_id, count(*) as attempts,
                       sum(case when a.status_code between 200 and 299 then 1 else 0 end) as successes,
                       coalesce(avg(a.latency_ms), 0) as latency
                from webhook_attempt a join webhook_event e on e.id = a.event_id
                where a.attempted_at >= ? group by e.organization_id""", row -> {
            attempts.put(row.getObject("organization_id", UUID.class),
                    new long[] {row.getLong("attempts"), row.getLong("successes"), Math.round(row.getDouble("latency"))});
        }, timestamp(since));
        jdbc.query("select organization_id, max(delivered_at) as delivered from webhook_event group by organization_id",
                row -> {
                    Instant delivered = instant(row, "delivered");
                    if (delivered != null) {
                        lastDelivery.put(row.getObject("organization_id", UUID.class), delivered);
                    }
                });
        Map<UUID, Object[]> lastFailure = new HashMap<>();
        jdbc.query("""
                select organization_id, attempted_at, error from (
                    select e.organization_id, a.attempted_at, a.error,
                           row_number() over (partition by e.organization_id order by a.attempted_at desc, a.id desc) as latest
                    from webhook_attempt a join webhook_event e on e.id = a.event_id
                    where a.error is not null) failures
                where latest = 1""", row -> {
            lastFailure.put(row.getObject("organization_id", UUID.class),
                    new Object[] {instant(row, "attempted_at"), row.getString("error")});
        });
        return endpoints.stream().map(endpoint -> {
            UUID id = endpoint.organizationId();
            long[] tried = attempts.getOrDefault(id, new long[3]);
            Object[] failure = lastFailure.getOrDefault(id, new Object[2]);
            return new EndpointHealth(endpoint, events.getOrDefault(id, Map.of()), tried[0], tried[1], tried[2],
                    lastDelivery.get(id), (Instant) failure[0], (String) failure[1]);
        }).toList();
    }

    /**
     * A statement whose collection arguments are bound as uuid arrays, on the statement's own connection;
     * its SQL casts each ({@code any(cast(? as uuid array))}), since {@link SqlArrays} binds UUIDs as text.
     */
    private static PreparedStatementCreator statement(String sql, Object... arguments) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < arguments.length; i++) {
                Object argument = arguments[i];
                if (argument instanceof Collection<?> ids) {
                    statement.setArray(i + 1, SqlArrays.column(connection, "uuid", List.copyOf(ids), id -> id));
                } else {
                    statement.setObject(i + 1, argument);
                }
            }
            return statement;
        };
    }

    private static StoredEvent storedEvent(ResultSet row) throws SQLException {
        return new StoredEvent(row.getObject("id", UUID.class), row.getObject("organization_id", UUID.class),
                row.getString("event_type"), EventStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                instant(row, "created_at"), instant(row, "next_attempt_at"), instant(row, "delivered_at"),
                row.getString("last_error"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
    }
}
