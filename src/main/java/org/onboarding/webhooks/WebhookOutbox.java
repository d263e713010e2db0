package org.onboarding.webhooks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.onboarding.db.SqlColumn;
import org.onboarding.db.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Queues notifications in {@code webhook_event}, each once: an event whose key is queued already is
 * left as it is, with its first id, so a restarted or re-run step queues nothing twice.
 */
@Component
public class WebhookOutbox {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    // The dispatcher decides what is due by this clock too: one time source, whatever the database's says.
    private final Clock clock;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public WebhookOutbox(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dialect = dialect;
    }

    /** Queues the events not queued yet, in one batch; returns how many were new. */
    public int queue(List<QueuedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        OffsetDateTime due = clock.instant().atOffset(ZoneOffset.UTC);
        List<UUID> eventIds = events.stream().map(event -> (UUID) ids.generate()).toList();
        // A page of events at a time, each column bound whole where the database allows.
        return dialect.insertMissing(jdbc, "webhook_event", "event_key", List.of(
                SqlColumn.of("id", "uuid", eventIds, id -> id),
                SqlColumn.of("organization_id", "uuid", events, QueuedEvent::organizationId),
                SqlColumn.of("event_type", "varchar(100)", events, QueuedEvent::type),
                SqlColumn.of("event_key", "varchar(300)", events, QueuedEvent::key),
                SqlColumn.of("payload", "json", events, QueuedEvent::payload),
                SqlColumn.of("job_instance_id", "bigint", events, QueuedEvent::jobInstanceId),
                SqlColumn.same("next_attempt_at", "timestamp with time zone", due)));
    }
}
