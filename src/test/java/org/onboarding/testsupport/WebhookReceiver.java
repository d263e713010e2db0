package org.onboarding.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * An organisation's webhook endpoint for tests: a real HTTP server on loopback that records every
 * request it gets and answers as the test tells it to.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as the endpoint got it: headers (lower-case names) and body. */
    public record Received(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** How the endpoint answers a request: a status, after a delay. */
    public record Answer(int status, Duration delay) {

        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile Function<Received, Answer> answers = request -> Answer.status(204);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hooks", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Received request = new Received(headers, new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            received.add(request);
            Answer answer = answers.apply(request);
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : body.length);
                if (answer.status() != 204) {
                    exchange.getResponseBody().write(body);
                }
            } catch (IOException clientGone) {
                // the sender timed out and closed the connection: what the test is about
            }
            exchange.close();
        });
        server.start();
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

    @Override
    public void close() {
        server.stop(0);
    }
}
