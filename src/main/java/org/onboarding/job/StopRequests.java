package org.onboarding.job;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks a running import execution to stop, from any process: marks it STOPPING and nothing else. The
 * process running it does the stopping: each step, and each part of the customers step, reads the
 * job execution's status from the repository when it commits a chunk (Spring Batch's own check), stops
 * there and ends STOPPED; a step about to start does not run; then the process ends the execution
 * STOPPED, with its end time.
 * <p>
 * Spring Batch's {@code JobOperator.stop} is not an ask: it also ends every running step execution it
 * can find (the customers step's manager, a tasklet or chunk step) by writing it with the version it
 * read, in the one transaction that marks the job; a step committing a chunk meanwhile makes that write,
 * hence the whole stop, fail on a version conflict (or makes the step's own commit fail). It also sets
 * the job's end time, so the execution shows STOPPED while its parts still run. This single conditional
 * update touches only the job execution's status and version, so it never conflicts with the running
 * process, and it cannot reopen an execution that ended meanwhile.
 */
@Component
public class StopRequests {

    private final JdbcTemplate jdbc;

    public StopRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the execution STOPPING if it is STARTING or STARTED.
     *
     * @return whether it was: false if it was already asked to stop, or is not running
     */
    public boolean ask(long executionId) {
        // The version moves on so that the running process's next update of the execution reads the new status.
        return jdbc.update("""
                update batch_job_execution set status = 'STOPPING', version = version + 1, last_updated = ?
                where job_execution_id = ? and status in ('STARTING', 'STARTED')""",
                Timestamp.valueOf(LocalDateTime.now()), executionId) == 1;
    }
}
