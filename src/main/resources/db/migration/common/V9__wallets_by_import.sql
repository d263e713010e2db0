-- The import's last step reads the wallets it opened a page at a time, in id order: this index makes
-- each page a range read, where without it every page scanned and sorted the whole table.
create index wallet_created_by_import_idx on wallet (created_job_instance_id, id);
