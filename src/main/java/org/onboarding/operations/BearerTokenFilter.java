package org.onboarding.operations;

import java.io.IOException;
import java.util.Optional;

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

    private final OperatorTokens tokens;
    private final JsonMapper json;

    /** @param json writes the refusals: the application's mapper, which writes a problem detail flat */
    public BearerTokenFilter(OperatorTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!tokens.enabled()) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "the operator API is off: set ONBOARD_API_TOKEN to turn it on");
            return;
        }
        String authorization = request.getHeader("Authorization");
        Optional<Operator> operator = authorization != null
                && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? tokens.check(authorization.substring(PREFIX.length())) : Optional.empty();
        if (operator.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "a valid bearer token is required");
            return;
        }
        request.setAttribute(Operator.REQUEST_ATTRIBUTE, operator.get());
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
