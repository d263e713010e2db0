package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.onboarding.operations.ExecutionSummary;
import org.onboarding.operations.ImportHistory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./onboard jobs [--status S] [--feed F] [--limit N]}: the latest import executions. The
 * duration of one still marked running ends at its last recorded update and is marked {@code +}
 * (see {@link OperatorText#duration}).
 */
@Component
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Lists the latest import executions, newest first, with their counts over every run of their file.")
class JobsCommand implements Callable<Integer> {

    private static final String ROW = "%6s  %-10s  %-32s  %-9s  %-6s  %-19s  %9s  %9s  %9s  %9s  %9s%n";

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ImportHistory history;

    @Spec
    private CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "only executions with this status, e.g. failed")
    private BatchStatus status;

    @Option(names = "--feed", paramLabel = "F", description = "only executions of this feed")
    private String feed;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N executions (default: ${DEFAULT-VALUE})")
    private int limit;

    public JobsCommand(ImportHistory history) {
        this.history = history;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ExecutionSummary> found = history.list(status, feed, limit);
        if (found.isEmpty()) {
            out.println("No import executions" + (status == null ? "" : " " + status) + (feed == null ? "" : " of feed " + feed) + ".");
            return ExitCodes.COMPLETED;
        }
        out.printf(ROW, "ID", "FEED", "FILE", "STATUS", "RUN", "STARTED", "DURATION", "READ", "CREATED", "UPDATED",
                "REJECTED");
        for (ExecutionSummary execution : found) {
            out.printf(ROW, execution.id(), execution.feed(), execution.file(), execution.status(),
                    execution.remote() ? "remote" : "local",
                    execution.startTime() == null ? "-" : execution.startTime().format(STARTED),
                    OperatorText.duration(execution),
                    String.format("%,d", execution.rowsRead()), String.format("%,d", execution.created()),
                    String.format("%,d", execution.updated()), String.format("%,d", execution.rejected()));
        }
        out.flush();
        return ExitCodes.COMPLETED;
    }
}
