-- Default wallets (004: creating a customer generates a default wallet with a virtual account).
-- The serials behind the NUBAN account numbers come from a sequence: never reused, even by a
-- chunk that rolled back, so an account number is unique across the database.
create sequence wallet_account_serial minvalue 1 maxvalue 999999999 no cycle;

create table wallet (
    id                        uuid         primary key,
    customer_id               uuid         not null references customer (id),
    is_default                boolean      not null,
    currency                  varchar(3)   not null,
    status                    varchar(20)  not null,
    virtual_account_number    varchar(10)  not null,
    bank_code                 varchar(6)   not null,
    bank_name                 varchar(200) not null,
    account_name              varchar(255) not null,
    interest_accrual_enabled  boolean      not null,
    interest_payout_wallet_id uuid         references wallet (id),
    withdrawal_limit_bypassed boolean      default false not null,
    created_job_instance_id   bigint,
    created_at                timestamp with time zone default current_timestamp not null,
    -- H2 has no partial index: the customer of a default wallet, null for the others, is unique instead.
    default_customer_id       uuid generated always as (case when is_default then customer_id end),
    constraint wallet_virtual_account_number_uk unique (virtual_account_number)
);
-- At most one default wallet per customer.
create unique index wallet_one_default_uk on wallet (default_customer_id);
