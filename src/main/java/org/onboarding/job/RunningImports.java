package org.onboarding.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.stereotype.Component;

/**
 * The {@link RunningImport} of every import execution in progress in this process, created when
 * its first part asks for it and dropped when the job ends. Also listens to the parts, to stop
 * the others when one fails.
 */
@Component
public class RunningImports implements JobExecutionListener, StepExecutionListener {

    private final Map<Long, RunningImport> running = new ConcurrentHashMap<>();

    public RunningImport of(JobExecution execution) {
        return running.computeIfAbsent(execution.getId(), id -> {
            Long records = execution.getJobParameters().getLong(ImportParameters.RECORDS);
            return new RunningImport(records == null ? 0 : records);
        });
    }

    @Override
    public ExitStatus afterStep(StepExecution part) {
        BatchStatus status = part.getStatus();
        if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
            of(part.getJobExecution()).partFailed(part.getStepName());
        }
        return null;
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }
}
