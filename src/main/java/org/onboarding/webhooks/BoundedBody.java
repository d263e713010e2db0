package org.onboarding.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read only up to a bound, for the attempt record: beyond it the subscription is
 * cancelled, which closes the connection, so an endpoint answering with an endless body costs a
 * kilobyte, not the heap. A 2xx body is not read at all: the status says all a sender needs.
 * One instance per request: {@link #cancel()} ends its body's reading when the attempt times out.
 */
final class BoundedBody implements HttpResponse.BodyHandler<String> {

    private final int limit;
    private volatile Reader reader;
    private volatile boolean cancelled;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo response) {
        boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
        Reader created = new Reader(success ? 0 : limit);
        reader = created;
        if (cancelled) {
            created.cancel();
        }
        return created;
    }

    /** Stops reading the body, if it is being read, keeping what came; the connection is closed. */
    void cancel() {
        cancelled = true;
        Reader current = reader;
        if (current != null) {
            current.cancel();
        }
    }

    /** Keeps the first {@code limit} bytes of a body; completes with them at the bound, the end, or a cancel. */
    private static final class Reader implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private boolean done;

        Reader(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (done || limit == 0) {
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> buffers) {
            if (done) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
            if (kept.size() >= limit) {
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public synchronized void onError(Throwable failure) {
            if (!done) {
                done = true;
                body.completeExceptionally(failure);
            }
        }

        @Override
        public synchronized void onComplete() {
            if (!done) {
                done = true;
                body.complete(text());
            }
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        synchronized void cancel() {
            finish();
        }

        /** Ends the reading with what was kept; without a subscription yet, {@link #onSubscribe} cancels it. */
        private void finish() {
            boolean first = !done;
            done = true;
            if (subscription != null) {
                subscription.cancel();
            }
            if (first) {
                body.complete(text());
            }
        }

        private String text() {
            // A character cut at the bound decodes as U+FFFD: the excerpt is for people, not for parsing.
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
