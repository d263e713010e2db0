package org.onboarding.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import org.onboarding.operations.ExecutionDetails;
import org.onboarding.operations.ExecutionSummary;
import org.onboarding.operations.ImportExecutions;
import org.onboarding.operations.StepSummary;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./onboard show ID}: one import execution, its steps and its reject report. */
@Component
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows one import execution: its file, counts, failure, reject report and steps.",
                "Exit status: 0 shown, 2 no such import execution."})
public class ShowCommand implements Callable<Integer> {

    private static final String STEP_ROW = "  %-24s  %-9s  %9s  %9s  %11s  %7s  %9s  %s%n";

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ImportExecutions executions;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the execution id, as 'jobs' lists it")
    private long executionId;

    public ShowCommand(ImportExecutions executions) {
        this.executions = executions;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExecutionDetails details = executions.show(executionId);
        ExecutionSummary execution = details.summary();
        out.printf("Execution %d %s%n", execution.id(), execution.status());
        out.printf("  job instance  %d%n", execution.jobInstanceId());
        out.printf("  feed          %s%n", execution.feed());
        out.printf("  file          %s%n", details.filePath());
        out.printf("  started       %s%n", execution.startTime() == null ? "-" : execution.startTime().format(STARTED));
        out.printf("  duration      %.1f s%n", execution.duration().toMillis() / 1000.0);
        out.printf("  rows read     %,d%n", execution.rowsRead());
        out.printf("  created       %,d%n", execution.created());
        out.printf("  updated       %,d%n", execution.updated());
        out.printf("  rejected      %,d%n", execution.rejected());
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
        out.printf(STEP_ROW, "STEP", "STATUS", "READ", "WRITTEN", "SKIPS R/P/W", "COMMITS", "ROLLBACKS", "EXIT");
        for (StepSummary step : details.steps()) {
            out.printf(STEP_ROW, step.name(), step.status(), String.format("%,d", step.readCount()),
                    String.format("%,d", step.writeCount()),
                    step.readSkips() + "/" + step.processSkips() + "/" + step.writeSkips(),
                    String.format("%,d", step.commitCount()), String.format("%,d", step.rollbackCount()),
                    step.exitDescription());
        }
        out.flush();
        return ExitCodes.COMPLETED;
    }
}
