package org.onboarding.operations;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ImportParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the latest import executions across job instances in one query: the job repository's
 * API walks one instance at a time and cannot filter by status or feed, so listing the newest
 * executions through it would take a query per instance.
 */
class ExecutionIndex {

    private final JdbcTemplate jdbc;

    ExecutionIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the latest import executions, newest first; a null status or feed does not filter. */
    public List<Long> latest(BatchStatus status, String feed, LocalDate createdOn, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.job_execution_id from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                left join batch_job_execution_params f on f.job_execution_id = e.job_execution_id
                  and f.parameter_name = ?
                where i.job_name = ?""");
        List<Object> arguments = new ArrayList<>(List.of(ImportParameters.FEED, CustomerImportJobConfiguration.JOB_NAME));
        if (status != null) {
            sql.append(" and e.status = ?");
            arguments.add(status.name());
        }
        if (feed != null) {
            sql.append(" and f.parameter_value = ?");
            arguments.add(feed);
        }
        if (createdOn != null) {
            // The job repository keeps local times: a day is this machine's day.
            sql.append(" and e.create_time >= ? and e.create_time < ?");
            arguments.add(Timestamp.valueOf(createdOn.atStartOfDay()));
            arguments.add(Timestamp.valueOf(createdOn.plusDays(1).atStartOfDay()));
        }
        sql.append(" order by e.job_execution_id desc limit ?");
        arguments.add(limit);
        return jdbc.queryForList(sql.toString(), Long.class, arguments.toArray());
    }
}
