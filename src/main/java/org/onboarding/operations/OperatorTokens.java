package org.onboarding.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The operator token ({@code ONBOARD_API_TOKEN}) that both the API's bearer header and the console's
 * sign-in present: the one check of it, in constant time, so that neither can be told apart from the
 * other by how fast it refuses.
 */
@Component
public class OperatorTokens {

    private final ApiProperties properties;

    OperatorTokens(ApiProperties properties) {
        this.properties = properties;
    }

    /** Whether a token is configured: without one, the API and the console are off. */
    public boolean enabled() {
        return properties.enabled();
    }

    /** The operator the presented token names when it is the configured one, else empty. */
    public Optional<Operator> check(String presented) {
        if (!enabled() || presented == null) {
            return Optional.empty();
        }
        String token = properties.token().strip();
        boolean valid = MessageDigest.isEqual(presented.strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return valid ? Optional.of(Operator.ofToken(token)) : Optional.empty();
    }
}
