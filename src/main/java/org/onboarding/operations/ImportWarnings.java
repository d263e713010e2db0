package org.onboarding.operations;

import java.util.List;

import org.onboarding.imports.ImportWarning;
import org.onboarding.pii.PiiText;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The warnings an import recorded ({@code import_warning}), for {@code show}: over every run of its
 * job instance up to the execution shown, as its counts are, in file order. Identities are masked
 * ({@link PiiText#maskIdentities}), since a referenceId or a message may quote a BVN, phone or email.
 */
class ImportWarnings {

    private final JdbcTemplate jdbc;

    ImportWarnings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first {@code limit} warnings, in file order (header warnings, on line 1, first). */
    public List<ImportWarning> first(long jobInstanceId, long upToExecutionId, int limit) {
        return jdbc.query("""
                select line_number, reference_id, field, message from import_warning
                where job_instance_id = ? and job_execution_id <= ?
                order by line_number, id
                limit ?""", (row, index) -> new ImportWarning(row.getObject(1) == null ? null : row.getLong(1),
                        PiiText.maskIdentities(row.getString(2)), PiiText.maskIdentities(row.getString(3)),
                        PiiText.maskIdentities(row.getString(4))),
                jobInstanceId, upToExecutionId, limit);
    }

    public long count(long jobInstanceId, long upToExecutionId) {
        Long count = jdbc.queryForObject(
                "select count(*) from import_warning where job_instance_id = ? and job_execution_id <= ?", Long.class,
                jobInstanceId, upToExecutionId);
        return count == null ? 0 : count;
    }
}
