-- Wallets' notifications are now queued in the transaction that opens them, so nothing reads an
-- import's wallets back any more: the index V9 added for that read only slows every wallet insert.
drop index if exists wallet_created_by_import_idx;
