package net.delonet.bloodbank.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import net.delonet.bloodbank.Bloodbank;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * Ready means ready (issue 12): the moment /observe/health/ready first answers 200, every HTTP path answers (none
 * with the router's 404) and every consumer listens on its queue. Polled while the application starts.
 */
class ReadinessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ENVELOPE = "{\"event_type\":\"demo.thing.done\",\"payload\":{}}";

    private final int port = RunningBloodbank.freePort();
    private final String prefix = "bbready-" + UUID.randomUUID().toString().substring(0, 8) + ".";

    @Test
    void should_serve_every_path_and_consume_every_queue_the_moment_it_is_ready() throws Exception {
        Main main = Bloodbank.create();
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        main.addOverrideProperty("bloodbank.queue-prefix", prefix);
        main.addOverrideProperty("bloodbank.rag.index-dir",
                Files.createTempDirectory(Files.createDirectories(Path.of("target", "rag-indexes")), "ready-").toString());
        CompletableFuture<Void> starting = CompletableFuture.runAsync(main::start);
        try (BrokerProbe broker = new BrokerProbe()) {
            while (status(get("/observe/health/ready")) != 200) {
                assertThat(starting).as("the application failed to start").isNotCompletedExceptionally();
                Thread.sleep(5);
            }
            Map<String, Integer> answers = callEveryPath();
            Topology topology = main.getCamelContext().getRegistry().lookupByNameAndType("consumerTopology", Topology.class);
            Map<String, Integer> listening = new LinkedHashMap<>();
            topology.consumers().keySet().forEach(name -> listening.put(name, broker.consumers(topology.queue(name))));
            starting.join();
            try {
                assertThat(answers).allSatisfy((path, status) -> assertThat(status).as(path).isNotIn(404, -1));
                assertThat(answers).containsEntry("POST /events", 202).containsEntry("POST /events/demo.thing.done", 202);
                assertThat(listening).as("consumers listening when ready")
                        .containsOnlyKeys(topology.consumers().keySet())
                        .allSatisfy((name, consumers) -> assertThat(consumers).as(name).isPositive());
            } finally {
                topology.consumers().keySet().forEach(name -> broker.delete(topology.queue(name),
                        topology.deadLetters(name), topology.parked(name)));
                broker.delete(topology.archive());
            }
        } finally {
            main.stop();
        }
    }

    /** Every kind of path, as quickly as possible: the status each answered (-1: not even a connection). */
    private Map<String, Integer> callEveryPath() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("POST /events", status(post("/events", ENVELOPE)));
        answers.put("POST /events/demo.thing.done", status(post("/events/demo.thing.done", "{}")));
        answers.put("POST /mcp", status(post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));
        answers.put("POST /webhooks/fireflies", status(post("/webhooks/fireflies", "{}")));
        answers.put("POST /webhooks/github", status(post("/webhooks/github", "{}")));
        answers.put("GET /events/stream", status(get("/events/stream?pattern=demo.%23")));
        answers.put("GET /events/recent", status(get("/events/recent")));
        answers.put("GET /rag/search", status(get("/rag/search")));   // 400 without q: no model loaded
        answers.put("GET /dlq", status(get("/dlq")));
        // a link that was never made is the route's own 404 (a JSON answer), never the router's
        HttpRequest link = get("/recordings/no-such-token/standup.mp3");
        answers.put("GET /recordings/<token>/<name>", json404(link));
        return answers;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json").header("accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static int status(HttpRequest request) {
        try {
            HttpResponse<java.io.InputStream> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            answer.body().close();   // a stream (SSE) answers its headers and stays open
            return answer.statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int json404(HttpRequest request) {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 404 && !answer.body().contains("\"status\":404") ? 404 : 200;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
