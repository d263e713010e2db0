package org.onboarding.operations;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trail of operator actions (restart, stop, abandon, recover, webhook retry), one line each in the
 * log file: what was done and who asked, so that an action nobody remembers can be traced to the token
 * or the user behind it. Never the token itself.
 */
@Component
public class OperatorLog {

    private static final Logger log = LoggerFactory.getLogger(OperatorLog.class);

    public void did(Operator operator, String action) {
        log.info("Operator action by {}: {}", operator, action);
    }

    /** How a restart the operator asked for ended: its new execution and status, or why it was refused. */
    public void restartEnded(Operator operator, long executionId, RestartResult result, Throwable refusal) {
        if (refusal == null) {
            did(operator, "restart of execution " + executionId + " ran as execution " + result.summary().executionId()
                    + ", " + result.summary().status());
        } else {
            Throwable cause = refusal instanceof CompletionException ? refusal.getCause() : refusal;
            did(operator, "restart of execution " + executionId + " refused or failed: " + cause.getMessage());
        }
    }
}
