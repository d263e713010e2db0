package org.onboarding.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.standardwebhooks.exceptions.WebhookSigningException;

import org.onboarding.pii.PiiText;
import org.springframework.stereotype.Component;

/**
 * POSTs claimed events to their organisation's endpoint, a batch side by side, each signed with the
 * Standard Webhooks headers: {@code webhook-id} (the event's id, the same on every attempt),
 * {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature}
 * ({@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret).
 * Every attempt ends within the configured timeout, with a response or an error.
 */
@Component
public class WebhookSender {

    private static final int ERROR_BODY_CHARS = 200;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(WebhookProperties properties, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = properties.timeout();
        this.clock = clock;
    }

    /**
     * Starts sending the event and returns at once; the attempt completes, with a response or an error,
     * within the timeout. A batch's events are all started before any is waited for.
     */
    public CompletableFuture<DeliveryAttempt> send(WebhookEndpoint endpoint, DueEvent event) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint.url())
                    .timeout(timeout)
                    .header("content-type", "application/json")
                    .header("user-agent", "onboard-webhooks")
                    .header("webhook-id", event.id().toString())
                    .header("webhook-timestamp", Long.toString(attemptedAt.getEpochSecond()))
                    .header("webhook-signature",
                            endpoint.signer().sign(event.id().toString(), attemptedAt.getEpochSecond(), event.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8))
                    .build();
        } catch (WebhookSigningException e) {
            return CompletableFuture.completedFuture(
                    new DeliveryAttempt(event, attemptedAt, null, 0, "could not sign: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                // The request timeout bounds the wait for the response's head; this bounds its body too.
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    if (failure != null) {
                        return new DeliveryAttempt(event, attemptedAt, null, latency, describe(failure));
                    }
                    int status = response.statusCode();
                    String error = status >= 200 && status < 300 ? null : "HTTP " + status + bodyExcerpt(response.body());
                    return new DeliveryAttempt(event, attemptedAt, status, latency, error);
                });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "I/O error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The start of an error response's body, which may echo the request: digit runs masked. */
    private static String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return ": " + PiiText.text(body.strip().replaceAll("\\s+", " "), ERROR_BODY_CHARS);
    }
}
