package org.onboarding.operations;

import org.onboarding.settings.UnusableSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator HTTP API of {@code ./onboard serve} ({@code onboard.api.*}).
 *
 * @param token the bearer token every request must carry ({@code ONBOARD_API_TOKEN}), at least
 *              {@value #MINIMUM_TOKEN_LENGTH} characters so that it cannot be guessed; when it is not
 *              set, the API is off and answers 404
 */
@ConfigurationProperties("onboard.api")
record ApiProperties(String token) {

    public static final int MINIMUM_TOKEN_LENGTH = 32;

    public ApiProperties {
        if (token != null && !token.isBlank() && token.strip().length() < MINIMUM_TOKEN_LENGTH) {
            // The token is a secret: its length is told, never its value.
            throw new UnusableSettingException("ONBOARD_API_TOKEN: must be at least " + MINIMUM_TOKEN_LENGTH
                    + " characters, not " + token.strip().length() + " (e.g. 32 random bytes in hex)");
        }
    }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
