package org.onboarding.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.onboarding.pii.PiiText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * POSTs claimed events to their organisation's endpoint, each signed with the Standard Webhooks
 * headers: {@code webhook-id} (the event's id, the same on every attempt), {@code webhook-timestamp}
 * (seconds since the epoch) and {@code webhook-signature} ({@code v1,} and the base64 HMAC-SHA256 of
 * {@code id.timestamp.body} under the secret).
 * <p>
 * Every attempt ends within the configured timeout, with a response or an error, whatever the
 * endpoint does: at the timeout the exchange is cancelled and its connection closed, not merely
 * given up on, and of a response's body only a bounded prefix is ever read ({@link BoundedBody}).
 */
@Component
class WebhookSender {

    private static final int ERROR_BODY_CHARS = 200;

    // Built at the first send: commands that send nothing never pay for its threads and TLS set-up.
    private final SingletonSupplier<HttpClient> http;
    private final Duration timeout;
    private final int bodyLimit;
    private final Clock clock;
    private final WebhookAddresses.Resolver resolver;
    // Look-ups block; on threads of their own, idle ones ending, so that a slow resolver only delays its attempt.
    private final Executor lookups = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webhook-lookup");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public WebhookSender(WebhookProperties properties, Clock clock) {
        this(properties, clock, InetAddress::getAllByName);
    }

    /** A sender resolving host names with {@code resolver}: the system's, or a test's. */
    WebhookSender(WebhookProperties properties, Clock clock, WebhookAddresses.Resolver resolver) {
        this.resolver = resolver;
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        this.timeout = properties.timeout();
        this.bodyLimit = properties.responseBodyBytes();
        this.clock = clock;
    }

    /**
     * Starts sending the event and returns at once; the attempt completes, with a response or an error,
     * within the timeout. Cancelling the returned future cancels the exchange.
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
        CompletableFuture<DeliveryAttempt> attempt = new CompletableFuture<>();
        BoundedBody body = new BoundedBody(bodyLimit);
        AtomicReference<CompletableFuture<HttpResponse<String>>> exchange = new AtomicReference<>();
        // The host is resolved and checked just before the client connects (and resolves it again, from the
        // JVM's address cache): a name pointing at a metadata service is refused however the URL reads.
        CompletableFuture.supplyAsync(() -> refusal(endpoint), lookups).whenComplete((refusal, lookupFailure) -> {
            if (lookupFailure != null || refusal != null) {
                attempt.complete(new DeliveryAttempt(event, attemptedAt, null, latency(started),
                        refusal != null ? refusal : describe(lookupFailure)));
                return;
            }
            CompletableFuture<HttpResponse<String>> sending = http.obtain().sendAsync(request, body);
            exchange.set(sending);
            sending.whenComplete((response, failure) -> attempt.complete(failure != null
                    ? new DeliveryAttempt(event, attemptedAt, null, latency(started), describe(failure))
                    : answered(event, attemptedAt, started, response)));
            if (attempt.isDone()) {
                sending.cancel(true);
            }
        });
        // The request timeout bounds only the wait for the response's head; this bounds the whole exchange,
        // on a timer of its own, so it holds even when the client's own threads are stuck.
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> attempt.complete(
                new DeliveryAttempt(event, attemptedAt, null, latency(started), timedOut())));
        // However the attempt ends (the timer, or a caller cancelling it), nothing of the exchange goes on.
        attempt.whenComplete((done, failure) -> {
            body.cancel();
            CompletableFuture<HttpResponse<String>> sending = exchange.get();
            if (sending != null) {
                sending.cancel(true);
            }
        });
        return attempt;
    }

    private String refusal(WebhookEndpoint endpoint) {
        try {
            return WebhookAddresses.sendProblem(endpoint.url(), resolver);
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    private DeliveryAttempt answered(DueEvent event, Instant attemptedAt, long started, HttpResponse<String> response) {
        int status = response.statusCode();
        String error = status >= 200 && status < 300 ? null : "HTTP " + status + bodyExcerpt(response.body());
        return new DeliveryAttempt(event, attemptedAt, status, latency(started), error);
    }

    private static long latency(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private String timedOut() {
        return "timed out after " + timeout.toMillis() + " ms";
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof CancellationException) {
            return timedOut();
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "I/O error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The start of an error response's body, which may echo the request: identities masked, control characters escaped. */
    private static String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return ": " + PiiText.text(body.strip().replaceAll("\\s+", " "), ERROR_BODY_CHARS);
    }
}
