package org.onboarding.rejects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.onboarding.pii.SpreadsheetSafe;

import com.opencsv.CSVWriter;

/**
 * Writes an import's reject report: one CSV line per line with rejects, giving its line number,
 * referenceId, what was rejected (the row, some of its connections, or both), every reason (a
 * connection's reason names its related referenceId) and the row's other original cells (identity
 * numbers masked), safe to open in a spreadsheet. Written from {@code import_reject}, the durable
 * record, so the report of a restarted import holds the rejects of every run of it, exactly once.
 * A report never replaces another import's: two databases sharing a reports folder number their
 * executions alike, so a new report takes a name no file has yet.
 */
public class RejectReport {

    private static final int MOST_COPIES = 1000;

    private final RejectStore rejects;

    public RejectReport(RejectStore rejects) {
        this.rejects = rejects;
    }

    /**
     * Writes the report of a job instance to a new file: {@code preferred} when no file has that name,
     * else the first free {@code name.copy-N.csv} beside it. Returns the path written.
     *
     * @param referenceIdColumn the file's referenceId column, left out of the original cells since the
     *                          report's own second column gives it
     */
    public Path writeNew(long jobInstanceId, List<String> headerNames, int referenceIdColumn, Path preferred) {
        try {
            Path partial = writePartial(jobInstanceId, headerNames, referenceIdColumn, preferred);
            for (int copy = 1; copy <= MOST_COPIES; copy++) {
                Path report = copy == 1 ? preferred : copyName(preferred, copy);
                if (claim(partial, report)) {
                    return report;
                }
            }
            Files.deleteIfExists(partial);
            throw new IOException("every name from " + preferred.getFileName() + " to "
                    + copyName(preferred, MOST_COPIES).getFileName() + " is taken");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reject report " + preferred, e);
        }
    }

    /**
     * Writes the report of a job instance again over its own earlier report (a restart of the step
     * that wrote it), through a temporary file, so the report is complete or absent.
     */
    public void rewrite(long jobInstanceId, List<String> headerNames, int referenceIdColumn, Path report) {
        try {
            Path partial = writePartial(jobInstanceId, headerNames, referenceIdColumn, report);
            Files.move(partial, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reject report " + report, e);
        }
    }

    private Path writePartial(long jobInstanceId, List<String> headerNames, int referenceIdColumn, Path report)
            throws IOException {
        Files.createDirectories(report.toAbsolutePath().getParent());
        // A name of its own, so two processes writing reports at once never share a partial file.
        Path partial = report.resolveSibling(report.getFileName() + "." + UUID.randomUUID() + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
             CSVWriter csv = new CSVWriter(out)) {
            out.write('\uFEFF'); // spreadsheets open UTF-8 with accents intact only with a BOM
            List<String> header = new ArrayList<>(List.of("line", "referenceId", "rejected", "reasons"));
            header.addAll(withoutColumn(headerNames.toArray(String[]::new), referenceIdColumn));
            csv.writeNext(safe(header));
            RowCollector collector = new RowCollector(csv, referenceIdColumn);
            rejects.forEachReject(jobInstanceId, collector);
            collector.flush();
        }
        return partial;
    }

    /**
     * Gives the complete report its name, unless a file has it already: a hard link is created
     * atomically or not at all, so two processes never take the same name.
     */
    private static boolean claim(Path partial, Path report) throws IOException {
        try {
            Files.createLink(report, partial);
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (Files.exists(report, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            // A file system without hard links: a plain move refuses an existing name too.
            try {
                Files.move(partial, report);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
        Files.delete(partial);
        return true;
    }

    private static Path copyName(Path preferred, int copy) {
        String name = preferred.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return preferred.resolveSibling(dot <= 0 ? name + ".copy-" + copy
                : name.substring(0, dot) + ".copy-" + copy + name.substring(dot));
    }

    /** The cells without the one in the referenceId column, which the report's second column gives already. */
    private static List<String> withoutColumn(String[] cells, int column) {
        List<String> kept = new ArrayList<>(List.of(cells));
        if (column >= 0 && column < kept.size()) {
            kept.remove(column);
        }
        return kept;
    }

    private static String[] safe(List<String> cells) {
        return cells.stream().map(SpreadsheetSafe::cell).toArray(String[]::new);
    }

    /** Gathers the violations of one line into one report row. */
    private static final class RowCollector implements RejectStore.RejectConsumer {

        private final CSVWriter csv;
        private final int referenceIdColumn;
        private long line = -1;
        private String referenceId;
        private final List<String> reasons = new ArrayList<>();
        private final Set<String> kinds = new TreeSet<>(Comparator.reverseOrder());
        private String[] cells;

        RowCollector(CSVWriter csv, int referenceIdColumn) {
            this.csv = csv;
            this.referenceIdColumn = referenceIdColumn;
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
            row.addAll(withoutColumn(cells, referenceIdColumn));
            csv.writeNext(safe(row));
            reasons.clear();
            kinds.clear();
            line = -1;
        }
    }
}
