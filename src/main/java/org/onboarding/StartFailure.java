package org.onboarding;

import java.util.List;

import com.google.common.base.Throwables;

import org.onboarding.cli.ExitCodes;
import org.onboarding.feed.FeedException;
import org.onboarding.pii.PiiText;
import org.onboarding.settings.UnusableSettingException;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.core.NestedExceptionUtils;

/**
 * Why {@code ./onboard} could not start, as the one line it prints and the status it exits with: 2
 * for the operator's mistake (a setting or a feed that cannot be used), 1 for anything else (a
 * database that cannot be opened). The stack trace goes to the log, never to the terminal.
 *
 * @param line       what standard error says, {@code onboard: cannot start: …}
 * @param exitStatus the process's exit status
 */
public record StartFailure(String line, int exitStatus) {

    /** The start failure {@code failure} is, told without its stack trace. */
    public static StartFailure of(Throwable failure) {
        List<Throwable> chain = Throwables.getCausalChain(failure);
        Throwable told = chain.stream()
                .filter(cause -> cause instanceof UnusableSettingException || cause instanceof FeedException)
                .findFirst()
                .orElse(NestedExceptionUtils.getMostSpecificCause(failure));
        boolean operatorsMistake = told instanceof UnusableSettingException || told instanceof FeedException
                || chain.stream().anyMatch(ConfigurationPropertiesBindException.class::isInstance);
        return new StartFailure("onboard: cannot start: " + PiiText.text(String.valueOf(told.getMessage())),
                operatorsMistake ? ExitCodes.UNUSABLE : ExitCodes.FAILED);
    }
}
