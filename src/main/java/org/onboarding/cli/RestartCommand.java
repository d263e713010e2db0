package org.onboarding.cli;

import java.io.PrintWriter;

import org.onboarding.operations.ImportExecutions;
import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.onboarding.operations.RestartResult;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/**
 * {@code ./onboard restart ID}: resumes a failed or stopped import by its execution id, without the
 * operator having to find its file (the watched inbox may have moved it to {@code failed/<feed>/}).
 */
@Component
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restarts a FAILED or STOPPED import execution from its last committed chunk,"
                + " with its file (or the file's copy in failed/<feed>/), feed, charset and writers.",
                "Exit status: 0 completed, 1 failed again, 2 unknown id or an execution that cannot be restarted."})
class RestartCommand extends ExecutionCommand {

    public RestartCommand(ImportExecutions executions, OperatorLog operatorLog) {
        super(executions, operatorLog);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        operatorLog.did(Operator.commandLine(), "restart of execution " + executionId + " asked");
        RestartResult result;
        try {
            result = executions.restart(executionId);
        } catch (Exception refused) {
            operatorLog.restartEnded(Operator.commandLine(), executionId, null, refused);
            throw refused;
        }
        operatorLog.restartEnded(Operator.commandLine(), executionId, result, null);
        out.printf("Restarting execution %d: %s%n", executionId, result.file());
        SummaryPrinter.print(out, result.file(), result.summary());
        if (result.movedTo() != null) {
            out.printf("Moved %s to %s.%n", result.file(), result.movedTo());
        }
        if (result.moveFailure() != null) {
            spec.commandLine().getErr().printf("onboard: %s%n", result.moveFailure());
        }
        out.flush();
        return result.summary().status() == BatchStatus.COMPLETED ? ExitCodes.COMPLETED : ExitCodes.FAILED;
    }
}
