package org.onboarding.console;

import java.time.Duration;

import org.onboarding.settings.UnusableSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator console ({@code onboard.console.*}).
 *
 * @param idleTimeout how long a signed-in operator stays signed in without asking anything of the console
 *                    ({@code ONBOARD_CONSOLE_IDLE_TIMEOUT}, default 15 minutes); a page's own progress
 *                    polls do not count as asking
 */
@ConfigurationProperties("onboard.console")
record ConsoleProperties(Duration idleTimeout) {

    public ConsoleProperties {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(15) : idleTimeout;
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new UnusableSettingException("ONBOARD_CONSOLE_IDLE_TIMEOUT: must be longer than zero, not " + idleTimeout);
        }
    }
}
