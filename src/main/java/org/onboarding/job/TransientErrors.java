package org.onboarding.job;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/** What the import's chunk steps retry: transient database errors, with backoff. */
final class TransientErrors {

    private TransientErrors() {
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
