package org.onboarding.job;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The threads the customer step's processor runs on: a chunk's rows are checked side by side, one
 * thread per core, while the step thread waits for them (the rules are pure and hold no state). Not a
 * {@code TaskExecutor} bean of its own, so that Boot's application executor stays the one injected.
 */
@Component
class RulesThreads implements DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    RulesThreads() {
        executor.setCorePoolSize(Runtime.getRuntime().availableProcessors());
        executor.setThreadNamePrefix("rules-");
        executor.setDaemon(true);
        executor.initialize();
    }

    AsyncTaskExecutor executor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
