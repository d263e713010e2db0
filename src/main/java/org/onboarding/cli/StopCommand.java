package org.onboarding.cli;


import org.onboarding.operations.ImportExecutions;
import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** {@code ./onboard stop ID}: asks a running import, in whatever process runs it, to stop. */
@Component
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Asks a running import execution to stop at its next chunk boundary; it then shows STOPPED"
                + " and can be restarted.",
                "Exit status: 0 asked, 2 unknown id or an execution that is not running."})
class StopCommand extends ExecutionCommand {

    public StopCommand(ImportExecutions executions, OperatorLog operatorLog) {
        super(executions, operatorLog);
    }

    @Override
    public Integer call() throws Exception {
        executions.stop(executionId);
        operatorLog.did(Operator.commandLine(), "execution " + executionId + " asked to stop");
        spec.commandLine().getOut().printf("Execution %d asked to stop. It stops at its next chunk boundary, then shows"
                + " STOPPED; './onboard restart %d' resumes it from its last committed chunk.%n", executionId, executionId);
        return ExitCodes.COMPLETED;
    }
}
