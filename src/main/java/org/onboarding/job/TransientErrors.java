package org.onboarding.job;

import java.time.Duration;

import org.onboarding.db.ChunkCommits;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.NeverSkipItemSkipPolicy;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How the import's chunk steps are built: transient database errors retried with backoff, and commits that
 * do not wait for the disk.
 */
final class TransientErrors {

    private TransientErrors() {
    }

    /**
     * A chunk-oriented step of the import: each chunk in a transaction of its own, transient errors retried,
     * no item ever skipped (a row's fate is a reject, written by the writer, never a skip), stopped by an
     * interrupt of its thread rather than ended as if its input were done. A chunk's commit does not wait for
     * the disk ({@link ChunkCommits}: a chunk lost in a database crash is lost with the progress that counted it).
     */
    static <I, O> ChunkOrientedStepBuilder<I, O> chunkStep(String name, JobRepository jobRepository,
            PlatformTransactionManager transactionManager, int chunkSize, ChunkCommits commits) {
        return new StepBuilder(name, jobRepository)
                .<I, O>chunk(chunkSize)
                .transactionManager(transactionManager)
                .faultTolerant()
                .retryPolicy(retryPolicy())
                .skipPolicy(new NeverSkipItemSkipPolicy())
                .interruptionPolicy(new StopWhenInterrupted())
                .listener(new ItemWriteListener<O>() {
                    @Override
                    public void beforeWrite(Chunk<? extends O> items) {
                        commits.withoutWaitingForDisk();
                    }
                });
    }

    /** Deadlocks, serialization failures and lost connections are retried with backoff; nothing else is. */
    static RetryPolicy retryPolicy() {
        return RetryPolicy.builder()
                .includes(TransientDataAccessException.class, RecoverableDataAccessException.class)
                .maxRetries(3)
                .delay(Duration.ofMillis(200))
                .multiplier(4)
                .build();
    }
}
