package org.onboarding.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorLog;
import org.onboarding.job.CustomerImportJobConfiguration;
import org.onboarding.job.ExecutionRecovery;
import org.onboarding.lease.LeaseHolder;
import org.onboarding.operations.OperationRefusedException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./onboard recover ID}: an import whose process was killed (kill -9, power loss) stays
 * marked STARTED, and Spring Batch refuses to restart a running execution. Recovering marks it
 * FAILED, so that importing the same file again restarts it from its last committed chunk. It is
 * refused while the process running the execution still renews its lease (it may be running it
 * still), unless {@code --force}: for a person who knows that process is gone. An UNKNOWN execution
 * (its process could not record how it ended) is marked FAILED the same way.
 */
@Component
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Marks FAILED an import execution whose process died while it ran, so that it can be restarted.",
                "Refused while the process running it still renews its lease (see 'Several instances' in the README)."})
public class RecoverCommand implements Callable<Integer> {

    private final JobRepository jobRepository;
    private final ExecutionRecovery recovery;
    private final OperatorLog operatorLog;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the execution id, as the import's summary or 'already running' message gives it")
    private long executionId;

    @Option(names = "--force", description = "recover it even though a process still holds its lease: only when you"
            + " know that process is gone (its host lost, its clock wrong)")
    private boolean force;

    public RecoverCommand(JobRepository jobRepository, ExecutionRecovery recovery, OperatorLog operatorLog) {
        this.jobRepository = jobRepository;
        this.recovery = recovery;
        this.operatorLog = operatorLog;
    }

    private JobExecution find(long id) {
        try {
            return jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException notFound) {
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
        boolean unknown = execution.getStatus() == BatchStatus.UNKNOWN;
        if (!execution.isRunning() && !unknown) {
            out.printf("Execution %d is %s, not running: nothing to recover.%n", executionId, execution.getStatus());
            return ExitCodes.COMPLETED;
        }
        Optional<LeaseHolder> owner = recovery.owner(executionId);
        if (owner.isPresent() && !force) {
            throw new OperationRefusedException("execution " + executionId + " is " + execution.getStatus()
                    + " and held by " + owner.get().describe() + ": it may be running. Stop it with './onboard stop "
                    + executionId + "', or, if you know that process is gone, './onboard recover " + executionId
                    + " --force'");
        }
        JobExecution recovered = unknown ? recovery.reopenIfUnknown(execution) : recovery.recover(execution);
        operatorLog.did(Operator.commandLine(), "execution " + executionId + " recovered" + (owner.isPresent()
                ? " by force from " + owner.get().instanceId() : "") + ", marked " + recovered.getStatus());
        out.printf("Execution %d marked %s. Import the same file again to restart it from its last committed chunk.%n",
                executionId, recovered.getStatus());
        return ExitCodes.COMPLETED;
    }
}
