package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.onboarding.db.ChunkCommits;
import org.onboarding.testsupport.H2OnboardingTest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A chunk step whose thread is interrupted (a message listener's container closing, a pool shut down
 * now) stops at its chunk boundary, restartable: it never ends COMPLETED with its input unread, which
 * is what Spring Batch 6's chunk-oriented step makes of an interrupt by itself.
 */
@H2OnboardingTest
class H2InterruptedStepTest {

    private static final int ITEMS = 100;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ChunkCommits chunkCommits;

    @Test
    void anInterruptedChunkStepEndsStoppedNotCompletedWithItsInputUnread() throws Exception {
        AtomicInteger read = new AtomicInteger();
        List<Integer> written = new ArrayList<>();
        Step step = TransientErrors.<Integer, Integer>chunkStep("interrupted", jobRepository, transactionManager, 10,
                        chunkCommits)
                .reader(() -> {
                    int next = read.incrementAndGet();
                    if (next == 35) {
                        // The step's thread is interrupted in the middle of its fourth chunk.
                        Thread.currentThread().interrupt();
                    }
                    return next <= ITEMS ? next : null;
                })
                .writer(chunk -> written.addAll(chunk.getItems()))
                .build();
        JobParameters parameters = new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters();
        JobExecution job = jobRepository.createJobExecution(
                jobRepository.createJobInstance("interrupted-step-test", parameters), parameters, new ExecutionContext());
        StepExecution execution = jobRepository.createStepExecution("interrupted", job);

        step.execute(execution);
        Thread.interrupted();

        assertThat(written).hasSizeLessThan(ITEMS);
        assertThat(execution.getStatus()).as("%d of %d items written", written.size(), ITEMS)
                .isEqualTo(BatchStatus.STOPPED);
    }
}
