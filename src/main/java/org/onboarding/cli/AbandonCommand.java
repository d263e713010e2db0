package org.onboarding.cli;

import java.util.concurrent.Callable;

import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.onboarding.operations.ImportExecutions;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./onboard abandon ID}: gives up a failed or stopped import for good. */
@Component
@Command(name = "abandon", mixinStandardHelpOptions = true,
        description = {"Marks a FAILED or STOPPED import execution ABANDONED: it will not be restarted, and its"
                + " file's content counts as imported (importing it again needs --rerun).",
                "Exit status: 0 abandoned, 2 unknown id or an execution that is not FAILED or STOPPED."})
public class AbandonCommand implements Callable<Integer> {

    private final ImportExecutions executions;
    private final OperatorLog operatorLog;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the execution id, as 'jobs' lists it")
    private long executionId;

    public AbandonCommand(ImportExecutions executions, OperatorLog operatorLog) {
        this.executions = executions;
        this.operatorLog = operatorLog;
    }

    @Override
    public Integer call() throws Exception {
        BatchStatus status = executions.abandon(executionId);
        operatorLog.did(Operator.commandLine(), "execution " + executionId + " marked " + status);
        spec.commandLine().getOut().printf("Execution %d marked %s. It will not be restarted, and its file's content"
                + " counts as imported: importing it again needs --rerun.%n", executionId, status);
        return ExitCodes.COMPLETED;
    }
}
