package org.onboarding.console;

import java.io.IOException;
import java.time.Clock;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Signs an operator out after the idle timeout without a request of their own. The servlet container's
 * session timeout cannot tell: a page following a running import polls its progress every two seconds,
 * which would keep a console left open signed in for ever. Those polls are not counted as activity here;
 * a session idle for longer is ended before the request is looked at, so it is answered as one without
 * a sign-in.
 */
final class IdleSignOut extends OncePerRequestFilter {

    static final String PROGRESS_POLL = "/imports/progress";
    private static final String LAST_ASKED = IdleSignOut.class.getName() + ".lastAsked";

    private final ConsoleProperties properties;
    private final Clock clock;

    IdleSignOut(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            long now = clock.millis();
            Object lastAsked = session.getAttribute(LAST_ASKED);
            if (lastAsked instanceof Long last && now - last > properties.idleTimeout().toMillis()) {
                session.invalidate();
            } else if (!request.getRequestURI().equals(request.getContextPath() + PROGRESS_POLL)) {
                session.setAttribute(LAST_ASKED, now);
            }
        }
        chain.doFilter(request, response);
    }
}
