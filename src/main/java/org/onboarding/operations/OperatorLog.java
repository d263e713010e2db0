package org.onboarding.operations;

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
}
