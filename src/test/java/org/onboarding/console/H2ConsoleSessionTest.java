package org.onboarding.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console's session over real HTTP, on a clock the test moves: signed out after the idle timeout
 * without a request of the operator's own, however often an open page polls a running import's
 * progress, and a form from the ended session sent back to sign in rather than refused.
 */
@ActiveProfiles("serve")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onboard.cli.enabled=false",
        "onboard.api.token=" + H2ConsoleSessionTest.TOKEN,
        "onboard.console.idle-timeout=15m",
        "onboard.feeds-directory=target/test-feeds",
        "onboard.inbox.base-directory=target/console-session-inbox",
        "spring.datasource.url=jdbc:h2:mem:console-session-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
@Import(H2ConsoleSessionTest.Clocks.class)
class H2ConsoleSessionTest {

    static final String TOKEN = "console-session-token-of-32-chars-at-least";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    HttpClient operator;

    @BeforeEach
    void signIn() throws Exception {
        operator = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = operator.send(requests().get("/sign-in"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> signedIn = operator.send(requests().post("/sign-in", "_csrf=" + ConsoleRequests.csrf(form) + "&token="
                + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/");
    }

    @Test
    void anOperatorAskingWithinTheIdleTimeoutStaysSignedIn() throws Exception {
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(operator.send(requests().get("/"), HttpResponse.BodyHandlers.ofString()).statusCode()).as("after %d0 min", i + 1)
                    .isEqualTo(200);
        }
    }

    @Test
    void progressPollsAloneDoNotKeepAnOpenPageSignedIn() throws Exception {
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(4));
            operator.send(requests().get("/imports/progress?ids=1"), HttpResponse.BodyHandlers.discarding());
        }

        HttpResponse<String> after = operator.send(requests().get("/"), HttpResponse.BodyHandlers.ofString());

        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).get().asString().endsWith("/sign-in");
    }

    @Test
    void aFormFromASessionThatEndedLeadsBackToSignIn() throws Exception {
        String page = operator.send(requests().get("/webhooks"), HttpResponse.BodyHandlers.ofString()).body();
        clock.advance(Duration.ofMinutes(16));

        HttpResponse<String> stale = operator.send(requests().post("/webhooks/retry", "_csrf=" + ConsoleRequests.csrf(page)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location")).get().asString().endsWith("/sign-in?expired");
    }

    private ConsoleRequests requests() {
        return new ConsoleRequests(port);
    }
}
