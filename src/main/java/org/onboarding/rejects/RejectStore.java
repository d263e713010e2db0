package org.onboarding.rejects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.onboarding.imports.ConnectionReject;
import org.onboarding.imports.ImportRun;
import org.onboarding.imports.ImportWarning;
import org.onboarding.imports.RowReject;
import org.onboarding.pii.PiiText;
import org.onboarding.rules.Violation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records rejected rows ({@code import_reject}, one row per violated field) and warnings
 * ({@code import_warning}) in the chunk's transaction, so they are exactly as durable as the
 * customers written beside them. Cells are stored masked.
 */
@Component
public class RejectStore {

    private static final String INSERT_REJECT = """
            insert into import_reject (job_instance_id, job_execution_id, organization_id, line_number, reference_id,
                                       field, reason, row_cells)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CONNECTION_REJECT = """
            insert into import_reject (job_instance_id, job_execution_id, organization_id, line_number, reference_id,
                                       field, reason, row_cells, kind, related_reference_id)
            values (?, ?, ?, ?, ?, 'connects', ?, ?, 'connection', ?)""";
    private static final String INSERT_WARNING = """
            insert into import_warning (job_instance_id, job_execution_id, organization_id, line_number, reference_id,
                                        field, message)
            values (?, ?, ?, ?, ?, ?, ?)""";

    /** What the columns of {@code import_reject} and {@code import_warning} hold, with room for the cut marker. */
    private static final int REASON_CHARACTERS = 900;
    private static final int REFERENCE_CHARACTERS = 200;
    private static final int FIELD_CHARACTERS = 60;
    private static final int ROW_CELLS_CHARACTERS = 100_000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public RejectStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void recordRejects(ImportRun run, List<RowReject> rejects, PiiMask mask) {
        List<Object[]> rows = new ArrayList<>();
        for (RowReject reject : rejects) {
            String cells = cellsOf(reject.record().cells(), mask);
            for (Violation violation : reject.violations()) {
                rows.add(new Object[] {run.jobInstanceId(), run.jobExecutionId(), run.organizationId(),
                        reject.record().line(), PiiText.text(reject.referenceId(), REFERENCE_CHARACTERS),
                        PiiText.text(violation.field(), FIELD_CHARACTERS),
                        PiiText.text(violation.reason(), REASON_CHARACTERS), cells});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_REJECT, rows);
        }
    }

    /** Connections refused, one reject each, marked as connection rejects and naming the related referenceId. */
    public void recordConnectionRejects(ImportRun run, List<ConnectionReject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        // A cell may hold anything in place of a referenceId, a BVN or phone number too.
        jdbc.batchUpdate(INSERT_CONNECTION_REJECT, rejects.stream().map(reject -> new Object[] {run.jobInstanceId(),
                run.jobExecutionId(), run.organizationId(), reject.line(),
                PiiText.text(reject.referenceId(), REFERENCE_CHARACTERS),
                PiiText.text(reject.reason(), REASON_CHARACTERS), reject.rowCells(),
                PiiText.text(reject.relatedReferenceId(), REFERENCE_CHARACTERS)})
                .toList());
    }

    /**
     * A row's masked cells as stored with its rejects: a cell too long for the column to hold them
     * all is cut and marked with its length, so no value from a file can fail the insert.
     */
    public String cellsOf(String[] cells, PiiMask mask) {
        String[] masked = mask.maskRow(cells);
        String stored = json.writeValueAsString(masked);
        for (int budget = ROW_CELLS_CHARACTERS / masked.length; stored.length() > ROW_CELLS_CHARACTERS; budget /= 2) {
            String[] cut = new String[masked.length];
            for (int index = 0; index < masked.length; index++) {
                cut[index] = budget == 0 ? "" : PiiText.cut(masked[index], budget);
            }
            stored = json.writeValueAsString(cut);
            if (budget == 0) {
                break;
            }
        }
        return stored.length() <= ROW_CELLS_CHARACTERS ? stored
                : json.writeValueAsString(new String[] {"(" + masked.length + " cells, too many to keep)"});
    }

    public void recordWarnings(ImportRun run, List<ImportWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (ImportWarning warning : warnings) {
            rows.add(new Object[] {run.jobInstanceId(), run.jobExecutionId(), run.organizationId(), warning.line(),
                    PiiText.text(warning.referenceId(), REFERENCE_CHARACTERS),
                    PiiText.text(warning.field(), FIELD_CHARACTERS), PiiText.text(warning.message(), REASON_CHARACTERS)});
        }
        jdbc.batchUpdate(INSERT_WARNING, rows);
    }

    /** Every reject of the job instance, line by line, for the report. */
    public void forEachReject(long jobInstanceId, RejectConsumer consumer) {
        jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    select line_number, reference_id, field, reason, row_cells, kind, related_reference_id
                    from import_reject where job_instance_id = ? order by line_number, id""");
            statement.setLong(1, jobInstanceId);
            statement.setFetchSize(1000);
            return statement;
        }, (java.sql.ResultSet row) -> consumer.accept(row.getLong(1), row.getString(2), row.getString(6),
                row.getString(7), row.getString(4),
                row.getString(5) == null ? new String[0] : json.readValue(row.getString(5), String[].class)));
    }

    /** How many rejects each rule made over the job instance's runs up to this execution, most first. */
    public List<RuleRejects> countByRule(long jobInstanceId, long upToExecutionId) {
        return jdbc.query("""
                select coalesce(field, '(row)') as rule, count(*) as rejects from import_reject
                where job_instance_id = ? and job_execution_id <= ?
                group by coalesce(field, '(row)') order by rejects desc, rule""",
                (row, n) -> new RuleRejects(row.getString("rule"), row.getLong("rejects")), jobInstanceId, upToExecutionId);
    }

    /** The first rejects, in file order, of the job instance's runs up to this execution. */
    public List<StoredReject> first(long jobInstanceId, long upToExecutionId, int limit) {
        return jdbc.query("""
                select line_number, reference_id, kind, related_reference_id, field, reason, row_cells
                from import_reject where job_instance_id = ? and job_execution_id <= ?
                order by line_number, id limit ?""",
                (row, n) -> new StoredReject(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6),
                        row.getString(7) == null ? List.of() : Arrays.asList(json.readValue(row.getString(7), String[].class))),
                jobInstanceId, upToExecutionId, limit);
    }

    public long countRejectedRows(long jobInstanceId) {
        Long count = jdbc.queryForObject(
                "select count(distinct line_number) from import_reject where job_instance_id = ?", Long.class,
                jobInstanceId);
        return count == null ? 0 : count;
    }

    /** Receives one violation of a rejected row. */
    @FunctionalInterface
    public interface RejectConsumer {
        /**
         * @param kind               {@code row} or {@code connection}
         * @param relatedReferenceId the connection's related referenceId, for a connection reject
         */
        void accept(long line, String referenceId, String kind, String relatedReferenceId, String reason,
                String[] cells);
    }
}
