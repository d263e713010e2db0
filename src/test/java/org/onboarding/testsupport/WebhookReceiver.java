package org.onboarding.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An organisation's webhook endpoint for tests: a real HTTP server on loopback that records every
 * request it gets and answers as the test tells it to, including as a broken endpoint would: a
 * body that never ends, one that trickles, or no answer at all.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A line of the endless bodies: with a phone number in it, as an endpoint echoing a payload might. */
    public static final String ENDLESS_LINE = "upstream failure for caller 08031234567; ";

    /** A request as the endpoint got it: headers (lower-case names) and body. */
    public record Received(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** How the endpoint answers a request. */
    public enum Body {
        /** A short body ({@code answer 500}), or none for 204. */
        SHORT,
        /** A body written as fast as the connection takes it, until the sender goes away. */
        ENDLESS,
        /** A body of one byte every 50 ms, until the sender goes away. */
        TRICKLE,
        /** No answer at all: the request is read and the connection left open until the receiver closes. */
        NONE
    }

    /** How the endpoint answers a request: a status and a body, after a delay. */
    public record Answer(int status, Duration delay, Body body) {

        public Answer(int status, Duration delay) {
            this(status, delay, Body.SHORT);
        }

        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }

        public static Answer endless(int status) {
            return new Answer(status, Duration.ZERO, Body.ENDLESS);
        }

        public static Answer trickle(int status) {
            return new Answer(status, Duration.ZERO, Body.TRICKLE);
        }

        public static Answer never() {
            return new Answer(0, Duration.ZERO, Body.NONE);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong streamed = new AtomicLong();
    private volatile Function<Received, Answer> answers = request -> Answer.status(204);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/hooks", exchange -> {
            open.incrementAndGet();
            try {
                handle(exchange);
            } finally {
                open.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Received request = new Received(headers, new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        received.add(request);
        Answer answer = answers.apply(request);
        try {
            if (answer.body() == Body.NONE) {
                closing.await();
                return;
            }
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            switch (answer.body()) {
                case SHORT -> {
                    byte[] body = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : body.length);
                    if (answer.status() != 204) {
                        exchange.getResponseBody().write(body);
                    }
                }
                case ENDLESS -> stream(exchange, answer.status(), ENDLESS_LINE.repeat(400), Duration.ZERO);
                case TRICKLE -> stream(exchange, answer.status(), "x", Duration.ofMillis(50));
                default -> throw new IllegalStateException(answer.body().name());
            }
        } catch (IOException clientGone) {
            // the sender timed out or read enough and closed the connection: what the test is about
        }
    }

    /** Writes {@code piece} again and again, with a pause between, until the sender closes the connection. */
    private void stream(HttpExchange exchange, int status, String piece, Duration pause) throws IOException {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, 0);
        OutputStream body = exchange.getResponseBody();
        while (closing.getCount() > 0) {
            body.write(bytes);
            body.flush();
            streamed.addAndGet(bytes.length);
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** From now on, answers each request as the function says. */
    public void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many requests are being answered right now: streaming a body, or left without an answer. */
    public int open() {
        return open.get();
    }

    /** How many bytes of endless or trickling bodies were written, in all. */
    public long streamed() {
        return streamed.get();
    }

    /** Waits until no request is being answered any more, for at most {@code patience}; whether none is. */
    public boolean awaitAllClosed(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return open.get() == 0;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
