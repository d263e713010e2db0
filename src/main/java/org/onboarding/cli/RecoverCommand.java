package org.onboarding.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ImportFailureNotifier;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./onboard recover ID}: an import whose process was killed (kill -9, power loss) stays
 * marked STARTED, and Spring Batch refuses to restart a running execution. Recovering marks it
 * FAILED, so that importing the same file again restarts it from its last committed chunk.
 */
@Component
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Marks FAILED an import execution whose process died while it ran, so that it can be restarted.",
                "Only for an execution no process is running any more: check first."})
public class RecoverCommand implements Callable<Integer> {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final OperatorLog operatorLog;
    private final ImportFailureNotifier failureNotifier;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the execution id, as the import's summary or 'already running' message gives it")
    private long executionId;

    public RecoverCommand(JobRepository jobRepository, JobOperator jobOperator, OperatorLog operatorLog,
            ImportFailureNotifier failureNotifier) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.operatorLog = operatorLog;
        this.failureNotifier = failureNotifier;
    }

    private JobExecution find(long id) {
        try {
            return jobRepository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException notFound) {
            return null;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JobExecution execution = find(executionId);
        if (execution == null || !CustomerImportJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            spec.commandLine().getErr().printf("onboard: no import execution %d%n", executionId);
            return ExitCodes.UNUSABLE;
        }
        if (!execution.isRunning()) {
            out.printf("Execution %d is %s, not running: nothing to recover.%n", executionId, execution.getStatus());
            return ExitCodes.COMPLETED;
        }
        JobExecution recovered = jobOperator.recover(execution);
        failureNotifier.recovered(recovered);
        operatorLog.did(Operator.commandLine(), "execution " + executionId + " recovered, marked " + recovered.getStatus());
        out.printf("Execution %d marked %s. Import the same file again to restart it from its last committed chunk.%n",
                executionId, recovered.getStatus());
        return ExitCodes.COMPLETED;
    }
}
