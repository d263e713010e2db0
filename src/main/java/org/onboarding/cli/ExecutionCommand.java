package org.onboarding.cli;

import java.util.concurrent.Callable;

import org.onboarding.operations.ImportExecutions;
import org.onboarding.operations.OperatorLog;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that acts on one import execution by its id ({@code restart}, {@code stop}, {@code abandon},
 * {@code recover}): through the operations service every surface uses, recorded in the operator log.
 */
abstract class ExecutionCommand implements Callable<Integer> {

    protected final ImportExecutions executions;
    protected final OperatorLog operatorLog;

    @Spec
    protected CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the execution id, as 'jobs' lists it")
    protected long executionId;

    protected ExecutionCommand(ImportExecutions executions, OperatorLog operatorLog) {
        this.executions = executions;
        this.operatorLog = operatorLog;
    }
}
