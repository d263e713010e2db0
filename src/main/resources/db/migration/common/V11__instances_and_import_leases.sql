-- Which processes are alive and which import executions each runs. Every process that runs an import
-- renews its row's renewed_at every few seconds (the database's clock, so hosts need not agree on the
-- time); an execution is recovered (marked FAILED) only once its owner stopped renewing for a whole
-- lease, never while that process may still be running it. Claimed inbox files are named after the
-- instance too, and return to the inbox when its lease lapses.
create table onboard_instance (
    instance_id varchar(200)             not null primary key,
    host        varchar(255)             not null,
    pid         bigint                   not null,
    started_at  timestamp with time zone not null,
    renewed_at  timestamp with time zone not null
);

create table import_lease (
    job_execution_id bigint       not null primary key,
    instance_id      varchar(200) not null
);

create index import_lease_instance on import_lease (instance_id);
