package org.onboarding.operations;

import java.util.concurrent.CompletableFuture;

import org.onboarding.job.ImportSummaries;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A restart an operator asked for over HTTP (the API, the console), run on the application's task
 * executor so that the answer need not wait for the whole import; asked and ended both go to the
 * operator log.
 */
@Component
public class BackgroundRestarts {

    private final ImportExecutions executions;
    private final TaskExecutor restarts;
    private final OperatorLog operatorLog;

    BackgroundRestarts(ImportExecutions executions, TaskExecutor applicationTaskExecutor, OperatorLog operatorLog) {
        this.executions = executions;
        this.restarts = applicationTaskExecutor;
        this.operatorLog = operatorLog;
    }

    /** @param where how it was asked, for the log: {@code over HTTP}, {@code in the console} */
    public CompletableFuture<RestartResult> start(long id, Operator operator, String where) {
        operatorLog.did(operator, "restart of execution " + id + " asked " + where);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return executions.restart(id);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(ImportSummaries.describe(e), e);
            }
        }, restarts).whenComplete((result, refusal) -> operatorLog.restartEnded(operator, id, result, refusal));
    }
}
