package org.onboarding.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.onboarding.operations.OperatorTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may see what over HTTP. The operator API and the actuator keep their own guard (the bearer
 * token, checked by the operations module's filter; health open to probes): no session, no cookie, no
 * CSRF for them, since a bearer header is never sent by a browser on its own. Everything else is the
 * console ({@code serve} only): signed in with the operator token through a form, then a session
 * cookie (HttpOnly, SameSite=Strict, Secure when the request came over TLS, {@code application-serve.yml}),
 * every change behind a CSRF token, and pages that allow no script, style or frame from anywhere else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

    /** Scripts, styles and images from the application alone; no frames, forms only back to it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static final String OFF = "The operator console is off: set ONBOARD_API_TOKEN to turn it on.";

    @Bean
    @Order(1)
    SecurityFilterChain apiAndActuator(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**", "/error")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    OperatorTokenAuthentication operatorTokenAuthentication(OperatorTokens tokens) {
        return new OperatorTokenAuthentication(tokens);
    }

    @Bean
    @Order(2)
    @Profile("serve")
    SecurityFilterChain console(HttpSecurity http, OperatorTokens tokens, OperatorTokenAuthentication authentication,
            ConsoleProperties properties, Clock clock) throws Exception {
        http.authenticationProvider(authentication)
                .addFilterBefore(new IdleSignOut(properties, clock), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new UndecodableCsrfTokens()));
        if (!tokens.enabled()) {
            // Like the API: without a token there is no console, and nothing to sign in to.
            return http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                    .exceptionHandling(handling -> handling
                            .authenticationEntryPoint((request, response, refused) -> refuse(response, HttpServletResponse.SC_NOT_FOUND, OFF))
                            .accessDeniedHandler((request, response, refused) -> refuse(response, HttpServletResponse.SC_NOT_FOUND, OFF)))
                    .build();
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", "/console/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .usernameParameter("operator").passwordParameter("token")
                        .defaultSuccessUrl("/", false).failureUrl("/sign-in?refused"))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("JSESSIONID").invalidateHttpSession(true))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, refused) -> {
                    if (!signedIn()) {
                        // A form from a session that has ended (signed out, idle): sign in again.
                        response.sendRedirect(request.getContextPath() + "/sign-in?expired");
                    } else {
                        // A signed-in change whose CSRF token is not this session's: forged, or a stale page.
                        refuse(response, HttpServletResponse.SC_FORBIDDEN, "Refused: the form's CSRF token is missing"
                                + " or out of date. Reload the page and try again.");
                    }
                }))
                .build();
    }

    private static boolean signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    }

    private static void refuse(HttpServletResponse response, int status, String why) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(why + "\n");
    }
}
