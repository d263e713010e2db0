package org.onboarding.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Tells a start that failed as one line on standard error, {@code onboard: cannot start: …}, from
 * {@link StartFailureAnalyzer}'s description; the stack trace goes to the log file only (the
 * console's appender refuses ERROR events), as Boot no longer logs a failure an analyzer explained.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(OneLineFailureReporter.class);

    @Override
    public void report(FailureAnalysis analysis) {
        String line = "onboard: cannot start: " + analysis.getDescription();
        System.err.println(line);
        log.error(line, analysis.getCause());
    }
}
