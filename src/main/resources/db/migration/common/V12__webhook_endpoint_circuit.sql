-- Each organisation's webhook endpoint's run of failed attempts, for its circuit breaker: after
-- onboard.webhooks.circuit.failures in a row it is paused for the cool-down. In the database, not in a
-- dispatcher's memory, so that every dispatcher and './onboard webhooks endpoints' see the same state.
create table webhook_endpoint_circuit (
    organization_id      uuid    primary key,
    consecutive_failures integer default 0 not null,
    last_failure_at      timestamp with time zone
);
