package org.onboarding.testsupport;

import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Empties every table between tests, on PostgreSQL and on H2 alike. */
public final class Databases {

    private static final List<String> TABLES = List.of("int_lock", "int_metadata_store", "import_lease", "webhook_attempt", "webhook_event", "webhook_endpoint_circuit", "wallet", "customer_connection", "import_connects", "customer_field_value", "customer", "customer_field_definition",
            "organization", "import_reject", "import_warning", "batch_step_execution_context",
            "batch_job_execution_context", "batch_step_execution", "batch_job_execution_params",
            "batch_job_execution", "batch_job_instance");

    private Databases() {
    }

    public static void reset(JdbcTemplate jdbc) {
        if (isPostgres(jdbc)) {
            jdbc.execute("truncate table " + String.join(", ", TABLES) + " cascade");
        } else {
            jdbc.execute("set referential_integrity false");
            TABLES.forEach(table -> jdbc.execute("truncate table " + table));
            jdbc.execute("set referential_integrity true");
        }
    }

    public static boolean isPostgres(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
    }
}
