-- 004's identity matching by email and phone: a chunk looks up the customers holding its rows'
-- emails and phones by organisation and value, one index descent each, as it does BVNs through
-- customer_bvn_uk. Not unique, unlike the BVN's: customers stored before email and phone were
-- matched may already share one, and the import, not the database, decides what a duplicate is.
create index customer_email_idx on customer (organization_id, email, account_type_id);
create index customer_phone_idx on customer (organization_id, phone, account_type_id);
