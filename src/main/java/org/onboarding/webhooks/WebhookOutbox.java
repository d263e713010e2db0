package org.onboarding.webhooks;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.onboarding.db.Database;
import org.onboarding.db.SqlArrays;
import org.springframework.jdbc.core.ConnectionCallback;
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

    // One statement per page of events, each column bound as an array.
    private static final String POSTGRES_QUEUE = """
            insert into webhook_event (id, organization_id, event_type, event_key, payload, job_instance_id, next_attempt_at)
            select e.id, e.organization_id, e.event_type, e.event_key, cast(e.payload as json), e.job_instance_id, ?
            from unnest(?, ?, ?, ?, ?, ?) as e(id, organization_id, event_type, event_key, payload, job_instance_id)
            on conflict (event_key) do nothing""";

    private static final String H2_QUEUE = """
            merge into webhook_event e
            using (select cast(? as uuid) as id, cast(? as uuid) as organization_id, cast(? as varchar(100)) as event_type,
                          cast(? as varchar(300)) as event_key, cast(? as varchar(1000000)) as payload,
                          cast(? as bigint) as job_instance_id, cast(? as timestamp with time zone) as due) q
            on e.event_key = q.event_key
            when not matched then insert (id, organization_id, event_type, event_key, payload, job_instance_id, next_attempt_at)
                values (q.id, q.organization_id, q.event_type, q.event_key, q.payload, q.job_instance_id, q.due)""";

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    // The dispatcher decides what is due by this clock too: one time source, whatever the database's says.
    private final Clock clock;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public WebhookOutbox(JdbcTemplate jdbc, Database database, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = database.isPostgres();
    }

    /** Queues the events not queued yet, in one batch; returns how many were new. */
    public int queue(List<QueuedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        OffsetDateTime due = clock.instant().atOffset(ZoneOffset.UTC);
        if (postgres) {
            List<UUID> eventIds = events.stream().map(event -> (UUID) ids.generate()).toList();
            return jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(POSTGRES_QUEUE)) {
                    statement.setObject(1, due);
                    statement.setArray(2, SqlArrays.column(connection, "uuid", eventIds, id -> id));
                    statement.setArray(3, SqlArrays.column(connection, "uuid", events, QueuedEvent::organizationId));
                    statement.setArray(4, SqlArrays.column(connection, "varchar", events, QueuedEvent::type));
                    statement.setArray(5, SqlArrays.column(connection, "varchar", events, QueuedEvent::key));
                    statement.setArray(6, SqlArrays.column(connection, "text", events, QueuedEvent::payload));
                    statement.setArray(7, SqlArrays.column(connection, "int8", events, QueuedEvent::jobInstanceId));
                    return statement.executeUpdate();
                }
            });
        }
        int[] counts = jdbc.batchUpdate(H2_QUEUE, events.stream()
                .map(event -> new Object[] {ids.generate(), event.organizationId(), event.type(), event.key(),
                        event.payload(), event.jobInstanceId(), due})
                .toList());
        int queued = 0;
        for (int count : counts) {
            queued += Math.max(count, 0);
        }
        return queued;
    }
}
