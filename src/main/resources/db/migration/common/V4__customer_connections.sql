-- Customer connections (000's "Customer Connections"): the customer holds the role toward the
-- related customer, e.g. a Person is DIRECTOR of a Company. Stored apart from the customer record.
create table customer_connection (
    customer_id             uuid        not null references customer (id),
    related_customer_id     uuid        not null references customer (id),
    role                    varchar(30) not null,
    created_at              timestamp with time zone default current_timestamp not null,
    created_job_instance_id bigint,
    constraint customer_connection_pk primary key (customer_id, related_customer_id, role)
);
create index customer_connection_related_idx on customer_connection (related_customer_id);

-- The connects cells of an import's rows, staged by the customer step in the same transaction as
-- the rows' customers and read back by the connections step, so that a restart of that step
-- needs neither the file nor the customer step again. row_outcome says what the customer step
-- did with the row: applied, rejected, or matched (identityDuplicates: use_existing); row_cells
-- are the row's cells, masked, for the reject report.
-- Dropped when the import completes.
create table import_connects (
    job_instance_id bigint        not null,
    line_number     bigint        not null,
    reference_id    varchar(1000000),
    connects        varchar(1000000) not null,
    row_outcome     varchar(20)   not null,
    row_cells       varchar(100000),
    constraint import_connects_pk primary key (job_instance_id, line_number)
);

-- A reject is a row's (kind 'row') or one of its connections' (kind 'connection', naming the
-- related referenceId).
alter table import_reject add column kind varchar(20) default 'row' not null;
alter table import_reject add column related_reference_id varchar(255);
