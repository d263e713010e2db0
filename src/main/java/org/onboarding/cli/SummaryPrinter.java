package org.onboarding.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.onboarding.imports.ConnectionCounts;
import org.onboarding.imports.ImportCounts;
import org.onboarding.job.ImportSummary;
import org.onboarding.pii.PiiText;
import org.springframework.batch.core.BatchStatus;

/** Prints an import's summary the way an operator reads it at the end of a run. */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(PrintWriter out, Path file, ImportSummary summary) {
        ImportCounts counts = summary.counts();
        out.printf("Import of %s %s%n", PiiText.escape(file.toString()), summary.status());
        out.printf("  execution     %d (job instance %d)%n", summary.executionId(), summary.jobInstanceId());
        out.printf("  rows read     %,d%n", summary.rowsRead());
        out.printf("  created       %,d%n", counts.created());
        out.printf("  updated       %,d%n", counts.updated());
        if (counts.matched() > 0) {
            out.printf("  matched       %,d (treated as the existing customer holding their BVN, email or phone)%n",
                    counts.matched());
        }
        out.printf("  rejected      %,d%n", counts.rejected());
        out.printf("  warnings      %,d%n", counts.warnings());
        if (counts.wallets() > 0) {
            out.printf("  wallets       %,d default wallets opened%n", counts.wallets());
        }
        ConnectionCounts connections = counts.connections();
        out.printf("  connections   %,d created, %,d already present, %,d removed, %,d rejected%n",
                connections.created(), connections.present(), connections.removed(), connections.rejected());
        out.printf("  duration      %.1f s (%,.0f rows/s)%n", summary.duration().toMillis() / 1000.0,
                summary.rowsPerSecond());
        if (summary.reportPath() != null) {
            out.printf("  reject report %s%n", summary.reportPath());
        }
        if (summary.status() != BatchStatus.COMPLETED) {
            if (summary.failure() != null) {
                out.printf("  failure       %s%n", summary.failure());
            }
            out.printf("Import the same file again to restart from the last committed chunk.%n");
        }
        out.flush();
    }
}
