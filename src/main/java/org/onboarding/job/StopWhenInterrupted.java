package org.onboarding.job;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;

/**
 * A chunk step whose thread was interrupted stops at its chunk boundary, STOPPED and restartable.
 * Spring Batch 6's chunk-oriented step takes an interrupt for the end of its chunks and ends the step
 * COMPLETED with its input unread (its own policy's exception is dropped there); marking the step to
 * terminate makes it end STOPPED instead. A message listener's container interrupts its threads when it
 * is closed while a worker runs a part.
 */
final class StopWhenInterrupted implements StepInterruptionPolicy {

    @Override
    public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            stepExecution.setTerminateOnly();
            throw new JobInterruptedException("the step's thread was interrupted");
        }
    }
}
