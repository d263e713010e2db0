package org.onboarding.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Holds an import still in the middle of its customers, in whichever process it runs, for as long as
 * a test needs (PostgreSQL only): while the gate is shut, every statement writing {@code customer}
 * waits on a row lock this test holds, inside its chunk's transaction. A test can then act on an
 * import that is certainly mid-step, however slowly another JVM starts, and let it go on. Nothing in
 * the application knows about it.
 */
public final class CustomerWriteGate implements AutoCloseable {

    private final Connection connection;

    private CustomerWriteGate(Connection connection) {
        this.connection = connection;
    }

    /** Puts the gate, open, in front of writes to {@code customer}: until it is shut it costs a shared lock per statement. */
    public static void install(JdbcTemplate jdbc) {
        jdbc.execute("create table if not exists test_gate (id int primary key)");
        jdbc.execute("insert into test_gate (id) values (1) on conflict do nothing");
        jdbc.execute("""
                create or replace function test_gate() returns trigger language plpgsql as $$
                begin
                    perform 1 from test_gate where id = 1 for share;
                    return null;
                end $$""");
        jdbc.execute("drop trigger if exists test_gate on customer");
        jdbc.execute("create trigger test_gate before insert or update on customer for each statement"
                + " execute function test_gate()");
    }

    /** Takes the gate away, open or not. */
    public static void remove(JdbcTemplate jdbc) {
        jdbc.execute("drop trigger if exists test_gate on customer");
    }

    /**
     * Shuts the gate: returns once every chunk writing customers has committed, and holds the next ones
     * at their first write until {@link #close()}.
     */
    public static CustomerWriteGate shut(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select id from test_gate where id = 1 for update");
        }
        return new CustomerWriteGate(connection);
    }

    /** Opens the gate: the writes held go on. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.commit();
        }
    }
}
