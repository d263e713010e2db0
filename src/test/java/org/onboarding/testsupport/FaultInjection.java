package org.onboarding.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database itself fail a write, the way a real outage would: a trigger on
 * {@code customer} raises an error when a row with a chosen referenceId is written. Nothing in
 * the application knows about it, so a test of restart exercises the production code only.
 */
public final class FaultInjection {

    private final JdbcTemplate jdbc;

    public FaultInjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** From now on, writing the customer with this referenceId fails. */
    public void failAt(String referenceId) {
        list(referenceId);
        if (Databases.isPostgres(jdbc)) {
            jdbc.execute("""
                    create or replace function test_fault() returns trigger language plpgsql as $$
                    begin
                        if exists (select 1 from test_fault where reference_id = new.reference_id) then
                            raise exception 'injected fault writing %', new.reference_id;
                        end if;
                        return new;
                    end $$""");
            jdbc.execute("drop trigger if exists test_fault on customer");
            jdbc.execute("create trigger test_fault before insert or update on customer for each row"
                    + " execute function test_fault()");
        } else {
            jdbc.execute("create trigger if not exists test_fault before insert, update on customer for each row call '"
                    + H2FaultTrigger.class.getName() + "'");
        }
    }

    /** From now on, storing a connection held by the customer with this referenceId fails. */
    public void failConnectionsOf(String referenceId) {
        list(referenceId);
        if (Databases.isPostgres(jdbc)) {
            jdbc.execute("""
                    create or replace function test_connection_fault() returns trigger language plpgsql as $$
                    begin
                        if exists (select 1 from customer c join test_fault f on f.reference_id = c.reference_id
                                   where c.id = new.customer_id) then
                            raise exception 'injected fault connecting %', new.customer_id;
                        end if;
                        return new;
                    end $$""");
            jdbc.execute("drop trigger if exists test_connection_fault on customer_connection");
            jdbc.execute("create trigger test_connection_fault before insert on customer_connection for each row"
                    + " execute function test_connection_fault()");
        } else {
            jdbc.execute("create trigger if not exists test_connection_fault before insert on customer_connection"
                    + " for each row call '" + H2FaultTrigger.class.getName() + "'");
        }
    }

    /**
     * From now on, the database refuses a customer of this name with a check constraint, as it
     * would a row breaking a constraint the rules did not foresee.
     */
    public void refuseName(String name) {
        jdbc.execute("alter table customer drop constraint if exists test_refusal");
        jdbc.execute("alter table customer add constraint test_refusal check (name <> '" + name.replace("'", "''")
                + "')");
    }

    /** From now on, the database refuses to queue a notification of this type, as it would in an outage. */
    public void refuseEvent(String type) {
        jdbc.execute("alter table webhook_event drop constraint if exists test_refusal");
        jdbc.execute("alter table webhook_event add constraint test_refusal check (event_type <> '"
                + type.replace("'", "''") + "')");
    }

    private void list(String referenceId) {
        jdbc.execute("create table if not exists test_fault (reference_id varchar(64) primary key)");
        jdbc.update("delete from test_fault");
        jdbc.update("insert into test_fault (reference_id) values (?)", referenceId);
    }

    /**
     * The database writes every row again: the list emptied and the triggers dropped, so that a
     * connection fault listed next does not also fail the customer a customer fault left listed.
     */
    public void clear() {
        jdbc.execute("create table if not exists test_fault (reference_id varchar(64) primary key)");
        jdbc.update("delete from test_fault");
        jdbc.execute("alter table customer drop constraint if exists test_refusal");
        jdbc.execute("alter table webhook_event drop constraint if exists test_refusal");
        if (Databases.isPostgres(jdbc)) {
            jdbc.execute("drop trigger if exists test_fault on customer");
            jdbc.execute("drop trigger if exists test_connection_fault on customer_connection");
            CustomerWriteGate.remove(jdbc);
        } else {
            jdbc.execute("drop trigger if exists test_fault");
            jdbc.execute("drop trigger if exists test_connection_fault");
        }
    }
}
