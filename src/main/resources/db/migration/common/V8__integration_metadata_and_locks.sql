-- Spring Integration's tables, as its own schema scripts declare them:
-- int_metadata_store holds the watched inboxes' accept-once entries (a file picked up is never picked
-- up again, across restarts of the service); int_lock holds the locks that let only one service
-- instance run a feed's nightly schedule.
create table int_metadata_store (
    metadata_key   varchar(255)  not null,
    metadata_value varchar(4000),
    region         varchar(100)  not null,
    constraint int_metadata_store_pk primary key (metadata_key, region)
);

create table int_lock (
    lock_key      char(36)      not null,
    region        varchar(100)  not null,
    client_id     char(36),
    created_date  timestamp     not null,
    expired_after timestamp     not null,
    constraint int_lock_pk primary key (lock_key, region)
);
