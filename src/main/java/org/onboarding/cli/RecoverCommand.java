package org.onboarding.cli;

import java.io.PrintWriter;

import org.onboarding.operations.ImportExecutions;
import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.onboarding.operations.RecoverResult;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./onboard recover ID}: marks FAILED an import whose process died, so that it can be restarted. */
@Component
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Marks FAILED an import execution whose process died while it ran, so that it can be restarted.",
                "Refused while the process running it still renews its lease (see 'Several instances' in the README).",
                "Exit status: 0 recovered or not running, 2 unknown id or a lease still live."})
class RecoverCommand extends ExecutionCommand {

    @Option(names = "--force", description = "recover it even though a process still holds its lease: only when you"
            + " know that process is gone (its host lost, its clock wrong)")
    private boolean force;

    public RecoverCommand(ImportExecutions executions, OperatorLog operatorLog) {
        super(executions, operatorLog);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RecoverResult result = executions.recover(executionId, force);
        if (!result.recovered()) {
            out.printf("Execution %d is %s, not running: nothing to recover.%n", executionId, result.status());
            return ExitCodes.COMPLETED;
        }
        operatorLog.did(Operator.commandLine(), "execution " + executionId + " " + result.describe());
        out.printf("Execution %d marked %s. Import the same file again to restart it from its last committed chunk.%n",
                executionId, result.status());
        return ExitCodes.COMPLETED;
    }
}
