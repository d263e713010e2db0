package org.onboarding.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who asked for an operation, as the operator log names them: a bearer token by its fingerprint
 * (the first 8 hex digits of its SHA-256, enough to tell tokens apart, useless to call the API with),
 * or the command line by the system user that ran it.
 *
 * @param name how the log names them, {@code token 1a2b3c4d} or {@code command line (user ada)}
 */
public record Operator(String name) {

    /** The request attribute {@link BearerTokenFilter} leaves the authenticated operator in. */
    static final String REQUEST_ATTRIBUTE = "org.onboarding.operations.Operator";

    public static Operator ofToken(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new Operator("token " + HexFormat.of().formatHex(digest, 0, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static Operator commandLine() {
        return new Operator("command line (user " + System.getProperty("user.name", "unknown") + ")");
    }

    @Override
    public String toString() {
        return name;
    }
}
