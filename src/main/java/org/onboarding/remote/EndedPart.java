package org.onboarding.remote;

import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Ends, in the job repository, a part that no worker is running (one that waited too long for a
 * worker, one whose file is not the import's), FAILED or STOPPED with why. A worker that updated the
 * part meanwhile wins: its version moved on, and the part is left as that worker recorded it.
 */
final class EndedPart {

    private EndedPart() {
    }

    /** @return whether the part was ended here; false when it changed meanwhile */
    static boolean record(JobRepository jobRepository, StepExecution part, BatchStatus status, String why) {
        part.setStatus(status);
        part.setExitStatus(new ExitStatus(status == BatchStatus.FAILED ? ExitStatus.FAILED.getExitCode()
                : ExitStatus.STOPPED.getExitCode(), why));
        part.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(part);
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return false;
        }
    }
}
