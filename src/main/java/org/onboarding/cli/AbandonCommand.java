package org.onboarding.cli;


import org.onboarding.operations.ImportExecutions;
import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** {@code ./onboard abandon ID}: gives up a failed or stopped import for good. */
@Component
@Command(name = "abandon", mixinStandardHelpOptions = true,
        description = {"Marks a FAILED or STOPPED import execution ABANDONED: it will not be restarted, and its"
                + " file's content counts as imported (importing it again needs --rerun).",
                "Exit status: 0 abandoned, 2 unknown id or an execution that is not FAILED or STOPPED."})
class AbandonCommand extends ExecutionCommand {

    public AbandonCommand(ImportExecutions executions, OperatorLog operatorLog) {
        super(executions, operatorLog);
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
