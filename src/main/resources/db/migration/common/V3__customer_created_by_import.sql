-- Which import created each customer, beside last_job_instance_id (which import wrote it last):
-- together they record, row by row, whether an import created a customer or updated it.
alter table customer add column created_job_instance_id bigint;
