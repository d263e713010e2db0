package org.onboarding.cli;

import org.onboarding.OnboardingApplication;
import org.onboarding.feed.FeedException;
import org.onboarding.settings.UnusableSettingException;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;

import com.google.common.base.Throwables;

/**
 * The status {@code ./onboard} exits with when it cannot start: 2 for the operator's mistake (a
 * setting or a feed that cannot be used), 1 for anything else (a database that cannot be opened).
 * Called by {@link OnboardingApplication#main} rather than registered as a bean: Boot asks the
 * context's mappers only while it is active, and a context that failed to start no longer is.
 */
public final class StartExitCodes implements ExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable failure) {
        boolean operatorsMistake = Throwables.getCausalChain(failure).stream()
                .anyMatch(cause -> cause instanceof UnusableSettingException || cause instanceof FeedException
                        || cause instanceof ConfigurationPropertiesBindException);
        return operatorsMistake ? ExitCodes.UNUSABLE : ExitCodes.FAILED;
    }
}
