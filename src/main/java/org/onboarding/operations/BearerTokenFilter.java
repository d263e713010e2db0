package org.onboarding.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards {@code /api/**}: a request passes only with {@code Authorization: Bearer <token>} carrying the
 * configured token (compared in constant time; the scheme in any case, as HTTP has it); without a
 * configured token the API does not exist. A request let through carries its {@link Operator}, for the
 * operator log.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiProperties properties;
    private final JsonMapper json;

    /** @param json writes the refusals: the application's mapper, which writes a problem detail flat */
    public BearerTokenFilter(ApiProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "the operator API is off: set ONBOARD_API_TOKEN to turn it on");
            return;
        }
        String authorization = request.getHeader("Authorization");
        boolean valid = authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(authorization.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8),
                        properties.token().strip().getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "a valid bearer token is required");
            return;
        }
        request.setAttribute(Operator.REQUEST_ATTRIBUTE, Operator.ofToken(properties.token().strip()));
        chain.doFilter(request, response);
    }

    /** Answered here, before Spring MVC, as the controller answers its own refusals ({@link Refusals}). */
    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(Refusals.of(HttpStatusCode.valueOf(status), message)));
    }
}
