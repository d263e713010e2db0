package org.onboarding.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator HTTP API of {@code ./onboard serve} ({@code onboard.api.*}).
 *
 * @param token the bearer token every request must carry ({@code ONBOARD_API_TOKEN}); when it is not
 *              set, the API is off and answers 404
 */
@ConfigurationProperties("onboard.api")
public record ApiProperties(String token) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
