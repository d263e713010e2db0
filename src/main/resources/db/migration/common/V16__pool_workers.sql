-- The workers of remote imports (./onboard worker) and the queue each takes parts from: an importing
-- process whose parts wait tells workers that are alive (they renew their onboard_instance row) from
-- workers that only hold a broker connection, having lost the database.
create table onboard_worker (
    instance_id varchar(200) not null primary key,
    queue       varchar(255) not null
);
