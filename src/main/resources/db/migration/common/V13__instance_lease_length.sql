-- Each instance records its own lease: another process with a shorter lease setting must not hold it
-- gone (and recover its live imports) between two of its renewals. Rows written before this have none,
-- and are judged by the reader's lease, as before.
alter table onboard_instance add column lease_millis bigint;
