package org.onboarding.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests to the console on loopback as a browser sends them: pages, and forms with their CSRF token. */
record ConsoleRequests(int port) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).GET().build();
    }

    HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** The CSRF token a page's forms carry. */
    static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }
}
