package org.onboarding.rejects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVWriter;

/**
 * Writes an import's reject report: one CSV line per line with rejects, giving its line number,
 * referenceId, what was rejected (the row, some of its connections, or both), every reason (a
 * connection's reason names its related referenceId) and the row's original cells (identity
 * numbers masked), safe to open in a spreadsheet. Written from {@code import_reject}, the durable record, so the report of
 * a restarted import holds the rejects of every run of it, exactly once.
 */
public class RejectReport {

    private final RejectStore rejects;

    public RejectReport(RejectStore rejects) {
        this.rejects = rejects;
    }

    /**
     * Writes the report of a job instance to the given path (through a temporary file, so a
     * report is complete or absent) and returns how many rows it lists.
     */
    public long write(long jobInstanceId, List<String> headerNames, Path report) {
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Path partial = report.resolveSibling(report.getFileName() + ".partial");
            long rows;
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                 CSVWriter csv = new CSVWriter(out)) {
                out.write('\uFEFF'); // spreadsheets open UTF-8 with accents intact only with a BOM
                List<String> header = new ArrayList<>(List.of("line", "referenceId", "rejected", "reasons"));
                header.addAll(headerNames);
                csv.writeNext(safe(header));
                RowCollector collector = new RowCollector(csv);
                rejects.forEachReject(jobInstanceId, collector);
                collector.flush();
                rows = collector.rows;
            }
            Files.move(partial, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reject report " + report, e);
        }
    }

    private static String[] safe(List<String> cells) {
        return cells.stream().map(SpreadsheetSafe::cell).toArray(String[]::new);
    }

    /** Gathers the violations of one line into one report row. */
    private static final class RowCollector implements RejectStore.RejectConsumer {

        private final CSVWriter csv;
        private long line = -1;
        private String referenceId;
        private final List<String> reasons = new ArrayList<>();
        private final java.util.Set<String> kinds = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        private String[] cells;
        long rows;

        RowCollector(CSVWriter csv) {
            this.csv = csv;
        }

        @Override
        public void accept(long line, String referenceId, String kind, String relatedReferenceId, String reason,
                String[] cells) {
            if (line != this.line) {
                flush();
                this.line = line;
                this.referenceId = referenceId;
                this.cells = cells;
            }
            if (this.cells.length == 0) {
                this.cells = cells;
            }
            boolean connection = "connection".equals(kind);
            kinds.add(connection ? "connections" : "row");
            reasons.add(!connection ? reason : relatedReferenceId == null ? "connection: " + reason
                    : "connection to " + relatedReferenceId + ": " + reason);
        }

        void flush() {
            if (line < 0) {
                return;
            }
            List<String> row = new ArrayList<>(List.of(Long.toString(line), referenceId == null ? "" : referenceId,
                    String.join(" and ", kinds), String.join("; ", reasons)));
            row.addAll(List.of(cells));
            csv.writeNext(safe(row));
            rows++;
            reasons.clear();
            kinds.clear();
            line = -1;
        }
    }
}
