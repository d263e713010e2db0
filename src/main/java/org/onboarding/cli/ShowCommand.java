package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.onboarding.imports.ConnectionCounts;
import org.onboarding.imports.ImportCounts;
import org.onboarding.imports.ImportWarning;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.operations.ExecutionDetails;
import org.onboarding.operations.ExecutionSummary;
import org.onboarding.operations.ImportHistory;
import org.onboarding.operations.StepSummary;
import org.onboarding.pii.PiiText;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./onboard show ID}: one import execution, its steps with what each did in the import's own
 * counts, its warnings and its reject report.
 */
@Component
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows one import execution: its file, counts, failure, reject report, steps and warnings.",
                "Exit status: 0 shown, 2 no such import execution."})
class ShowCommand implements Callable<Integer> {

    private static final String STEP_ROW = "  %-24s  %-9s  %9s  %9s  %9s  %9s  %s";

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ImportHistory history;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the execution id, as 'jobs' lists it")
    private long executionId;

    public ShowCommand(ImportHistory history) {
        this.history = history;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExecutionDetails details = history.show(executionId);
        ExecutionSummary execution = details.summary();
        out.printf("Execution %d %s%n", execution.id(), execution.status());
        out.printf("  job instance  %d%n", execution.jobInstanceId());
        out.printf("  feed          %s%n", execution.feed());
        out.printf("  file          %s%n", details.filePath());
        out.printf("  started       %s%n", execution.startTime() == null ? "-" : execution.startTime().format(STARTED));
        out.printf("  duration      %s%s%n", OperatorText.duration(execution), execution.ended() ? ""
                : " (up to its last update; still marked " + execution.status() + ")");
        out.printf("  rows read     %,d%n", execution.rowsRead());
        out.printf("  created       %,d%n", execution.created());
        out.printf("  updated       %,d%n", execution.updated());
        out.printf("  rejected      %,d%n", execution.rejected());
        out.printf("  warnings      %,d%n", details.warningCount());
        if (details.reportPath() != null) {
            out.printf("  reject report %s%n", details.reportPath());
        }
        if (details.failure() != null) {
            out.printf("  failure       %s%n", details.failure());
        }
        if (!details.lastOfInstance()) {
            out.printf("  superseded    a later execution of job instance %d ran%n", execution.jobInstanceId());
        } else if (execution.status() == BatchStatus.FAILED || execution.status() == BatchStatus.STOPPED) {
            out.printf("  next          './onboard restart %d' resumes it, './onboard abandon %d' gives it up%n",
                    execution.id(), execution.id());
        }
        out.println("Steps:");
        out.println(String.format(STEP_ROW, "STEP", "STATUS", "READ", "COMMITS", "ROLLBACKS", "TIME", "OUTCOME")
                .stripTrailing());
        for (StepSummary step : details.steps()) {
            out.println(String.format(STEP_ROW, step.name(), step.status(), String.format("%,d", step.readCount()),
                    String.format("%,d", step.commitCount()), String.format("%,d", step.rollbackCount()),
                    OperatorText.duration(step.duration()), outcome(step)).stripTrailing());
        }
        if (details.warningCount() > 0) {
            out.printf("Warnings (%,d):%n", details.warningCount());
            for (ImportWarning warning : details.warnings()) {
                out.println("  " + describe(warning));
            }
            long more = details.warningCount() - details.warnings().size();
            if (more > 0) {
                out.printf("  … and %,d more: select * from import_warning where job_instance_id = %d order by line_number%n",
                        more, execution.jobInstanceId());
            }
        }
        out.flush();
        return ExitCodes.COMPLETED;
    }

    /** What the step did in the summary's words, then why it stopped, if it says. */
    private static String outcome(StepSummary step) {
        List<String> parts = new ArrayList<>();
        ImportCounts counts = step.counts();
        if (counts != null && step.name().equals(CustomerImportJobConfiguration.CONNECTIONS_STEP)) {
            ConnectionCounts connections = counts.connections();
            parts.add(String.format("connections: %,d created, %,d already present, %,d removed, %,d rejected",
                    connections.created(), connections.present(), connections.removed(), connections.rejected()));
        } else if (counts != null && step.name().startsWith(CustomerImportJobConfiguration.PART_STEP + ":")) {
            parts.add(String.format("%,d created", counts.created()));
            parts.add(String.format("%,d updated", counts.updated()));
            if (counts.matched() > 0) {
                parts.add(String.format("%,d matched", counts.matched()));
            }
            parts.add(String.format("%,d rejected", counts.rejected()));
            parts.add(OperatorText.count(counts.warnings(), "warning"));
            if (counts.wallets() > 0) {
                parts.add(OperatorText.count(counts.wallets(), "wallet") + " opened");
            }
        } else if (counts != null && counts.warnings() > 0) {
            parts.add(OperatorText.count(counts.warnings(), "warning"));
        }
        if (!step.workers().isEmpty()) {
            parts.add("on " + String.join(" then ", step.workers()));
        }
        String outcome = String.join(", ", parts);
        if (step.exitDescription().isEmpty()) {
            return outcome;
        }
        return outcome.isEmpty() ? step.exitDescription() : outcome + "; " + step.exitDescription();
    }

    /** {@code line 12, CUS-1, referenceId: …}: where the warning is, then what it says. */
    private static String describe(ImportWarning warning) {
        List<String> where = new ArrayList<>();
        if (warning.line() != null) {
            where.add(PiiText.line(warning.line()));
        }
        if (warning.referenceId() != null) {
            where.add(OperatorText.of(warning.referenceId()));
        }
        if (warning.field() != null) {
            where.add(OperatorText.of(warning.field()));
        }
        String message = OperatorText.of(warning.message());
        return where.isEmpty() ? message : String.join(", ", where) + ": " + message;
    }
}
