-- The webhook outbox: notifications an import queues in its final step, delivered later by a
-- dispatcher. event_key (event type and subject) is unique, so a restarted or re-run step never
-- queues an event twice, and the event's id stays the one receivers deduplicate on.
create table webhook_event (
    id              uuid          primary key,
    organization_id uuid          not null,
    event_type      varchar(100)  not null,
    event_key       varchar(300)  not null,
    payload         varchar(1000000) not null,
    status          varchar(20)   default 'PENDING' not null,
    attempts        integer       default 0 not null,
    next_attempt_at timestamp with time zone default current_timestamp not null,
    created_at      timestamp with time zone default current_timestamp not null,
    delivered_at    timestamp with time zone,
    last_error      varchar(1000),
    job_instance_id bigint,
    constraint webhook_event_key_uk unique (event_key)
);
create index webhook_event_due_idx on webhook_event (status, next_attempt_at);
