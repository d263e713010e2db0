package org.onboarding.cli;

import org.onboarding.feed.FeedException;
import org.onboarding.pii.PiiText;
import org.onboarding.settings.UnusableSettingException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;

import com.google.common.base.Throwables;

/**
 * Why {@code ./onboard} could not start, in the words {@link OneLineFailureReporter} prints: the
 * message of the setting or feed that cannot be used, else of the failure's most specific cause (a
 * database that cannot be opened), identities masked and on one line. First of Boot's analyzers and
 * answering for every failure, so that no start ends in Boot's multi-line report on the terminal.
 */
public class StartFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Throwable told = Throwables.getCausalChain(failure).stream()
                .filter(cause -> cause instanceof UnusableSettingException || cause instanceof FeedException)
                .findFirst()
                .orElse(NestedExceptionUtils.getMostSpecificCause(failure));
        return new FailureAnalysis(PiiText.text(String.valueOf(told.getMessage())), null, failure);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
