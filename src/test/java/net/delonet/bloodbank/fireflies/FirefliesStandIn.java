package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.SettingsProvider;

/**
 * A real HTTP server on loopback standing in for Fireflies' GraphQL API: answers every call with the status and
 * body given last (shaped like Fireflies' documented answers), and keeps what it was sent.
 */
final class FirefliesStandIn implements AutoCloseable, SettingsProvider {

    /** A call as Fireflies would have received it. */
    record Call(String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private volatile long delayMillis;

    FirefliesStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    /** The application calls this stand-in as Fireflies' API. */
    @Override
    public Map<String, String> settings() {
        return Map.of("bloodbank.fireflies.api-url", url());
    }

    FirefliesStandIn answering(int status, String body) {
        this.status = status;
        this.answer = body;
        return this;
    }

    /** Answers only after this pause, as a Fireflies under load does. */
    FirefliesStandIn slowedBy(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** {@code {"data": {"transcript": ...}}} as Fireflies answers the transcript query. */
    FirefliesStandIn answeringTranscript(String transcriptJson) {
        return answering(200, "{\"data\":{\"transcript\":" + transcriptJson + "}}");
    }

    List<Call> calls() {
        return calls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.add(new Call(exchange.getRequestHeaders().getFirst("Authorization"),
                EnvelopeJson.mapper().readTree(exchange.getRequestBody().readAllBytes())));
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
