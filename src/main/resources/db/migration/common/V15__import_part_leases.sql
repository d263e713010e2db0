-- Which worker runs each part of a remote import (./onboard worker). A worker takes a part's row as it
-- starts the part and drops it as the part ends; the part is held while that worker renews its
-- onboard_instance row. A part whose holder stopped renewing (killed, lost its host) is taken over by
-- the next worker the broker hands it to, from the part's last committed chunk, and only then.
create table import_part_lease (
    step_execution_id bigint       not null primary key,
    job_execution_id  bigint       not null,
    instance_id       varchar(200) not null
);

create index import_part_lease_job on import_part_lease (job_execution_id);

-- The rejects of a remote import's parts, one row per execution, so that workers on different hosts hold
-- the feed's skip limit together: a chunk with rejects adds them here in its own transaction (locking
-- the row until it commits), and reads the total before it commits.
create table import_reject_count (
    job_execution_id bigint not null primary key,
    rejects          bigint not null
);
