package net.delonet.bloodbank.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RawHttp;
import net.delonet.bloodbank.testing.RawHttp.Reply;
import net.delonet.bloodbank.testing.RedisProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Property-based fuzzing of the running service on the real RabbitMQ and Redis: mutated envelopes, hostile query
 * parameters and broken HTTP framing. Properties: never a 5xx; every refusal a JSON error naming a field or
 * parameter; nothing published or recorded for a refused request; healthy afterwards. Seeded and bounded:
 * {@code -Dbloodbank.fuzz.cases=N} (default 2000) and {@code -Dbloodbank.fuzz.seed=S} replay or lengthen a run.
 */
@BloodbankTest({"bloodbank.watch.enabled=false", "bloodbank.http.body-timeout-ms=500"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzTest {

    private static final int CASES = Integer.getInteger("bloodbank.fuzz.cases", 2000);
    private static final long SEED = Long.getLong("bloodbank.fuzz.seed", System.nanoTime());
    private static final Set<String> ANSWER_HEADERS = Set.of("content-type", "content-length", "transfer-encoding", "connection");

    private final String ns = "fz" + UUID.randomUUID().toString().substring(0, 8);
    private final Mutations gen = new Mutations(new Random(SEED));
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<String> refusedMarkers = new ArrayList<>();
    private final Map<String, String> refusedRequests = new ConcurrentHashMap<>();
    private final List<String> refusedIds = new ArrayList<>();
    private RawHttp http;
    private BrokerProbe broker;
    private RedisProbe redis;
    private String everything;

    @BeforeAll
    void bindEverything() {
        System.out.println("ApiFuzzTest seed " + SEED + ", " + CASES + " cases (-Dbloodbank.fuzz.seed=" + SEED + " replays)");
        everything = broker.queueBoundTo("#");
    }

    @AfterAll
    void summarise() {
        System.out.println("ApiFuzzTest answers by kind and status: " + new TreeMap<>(statuses));
    }

    /**
     * A request's marker, unique beyond a mutation: a random part makes it at least tens of bits away from every other
     * marker. With a counter alone ({@code ns-309}) one flipped bit ('9' → '8') turned a published case's marker into a
     * refused one's, and the check below reported a refused request as published when it was not.
     */
    private String marker(int i) {
        return ns + "-" + i + "-" + UUID.randomUUID().toString().substring(24);
    }

    /** The properties every answer has; a refusal is remembered so that nothing of it may show up later. */
    private void check(String kind, String what, Reply reply, String marker, String eventId) {
        statuses.merge(kind + " " + reply.status(), 1, Integer::sum);
        assertThat(reply.status()).as(what + " → " + reply.body()).isBetween(100, 499);
        if (reply.status() >= 400) {
            assertThat(reply.headers().get("content-type")).as(what + " → " + reply.body()).startsWith("application/json");
            assertThat(reply.json().get("status").asInt()).as(what).isEqualTo(reply.status());
            assertThat(reply.json().path("error").asText()).as(what).isNotBlank();
            assertThat(reply.json().path("field").asText()).as(what + " → " + reply.body()).isNotBlank();
            if (marker != null) {
                refusedRequests.put(marker, what + " → " + reply.status() + " " + reply.body());
                refusedMarkers.add(marker);
                refusedIds.add(eventId);
            }
        }
    }

    @Test
    @Order(1)
    void should_refuse_mutated_envelopes_cleanly() {
        for (int i = 0; i < CASES / 2; i++) {
            String marker = marker(i);
            String id = UUID.randomUUID().toString();
            boolean bare = gen.chance(20);
            String payload = "{\"x\":1,\"m\":\"" + marker + "\",\"duration\":2.5}";
            byte[] body = gen.mutate(bare ? payload : "{\"event_id\":\"" + id + "\",\"event_type\":\"" + ns + ".fuzz.case\","
                    + "\"source\":{\"host\":\"h\",\"type\":\"manual\",\"app\":\"fuzz\"},\"correlation_ids\":[],\"payload\":" + payload + "}");
            String type = gen.chance(80) ? "application/json" : gen.pick(Mutations.CONTENT_TYPES);
            String path = bare ? "/events/" + ns + ".fuzz.bare?key.k=" + id : "/events";
            Reply reply = type.isEmpty() ? http.send("POST", path, body) : http.send("POST", path, body, "Content-Type: " + type);
            check("envelope", new String(body, StandardCharsets.UTF_8) + " as " + type, reply, marker, id);
        }
    }

    @Test
    @Order(2)
    void should_refuse_hostile_query_parameters_cleanly() {
        String known = http.send("POST", "/events", ("{\"event_type\":\"" + ns + ".fuzz.known\",\"payload\":{}}").getBytes(),
                "Content-Type: application/json").json().get("event_id").asText();
        List<String> paths = List.of("/debug/correlation/" + known + "/chain?direction=%s&limit=%s&cursor=%s",
                "/debug/correlation/" + known + "?limit=%s&cursor=%s&%s=%s", "/events/recent?pattern=%s&limit=%s&%s",
                "/events/types?%s=%s", "/dlq?%s=%s", "/dlq/%s", "/debug/correlation/%s", "/events/types/%s",
                "/rag/search?q=%s&k=%s&transcript_id=%s");
        for (int i = 0; i < CASES * 3 / 10; i++) {
            String template = gen.pick(paths);
            // The search would load the embedding model: only refused questions are asked (a control character).
            Object[] values = template.startsWith("/rag") ? new Object[] {"%00" + gen.parameterValue(), gen.parameterValue(),
                    gen.parameterValue()} : new Object[] {gen.parameterValue(), gen.parameterValue(), gen.parameterValue(), gen.parameterValue()};
            String target = String.format(template, values).replace(" ", "%20");
            Reply reply = http.send("GET", target, null, "X-Fuzz: " + i);
            check("query", target, reply, null, null);
            assertThat(reply.headers().keySet()).as(target).allMatch(ANSWER_HEADERS::contains);
        }
    }

    @Test
    @Order(3)
    void should_answer_or_close_on_broken_framing() {
        for (int i = 0; i < CASES / 5; i++) {
            String marker = marker(i) + "-frame";
            String id = UUID.randomUUID().toString();
            String body = "{\"event_id\":\"" + id + "\",\"event_type\":\"" + ns + ".fuzz.frame\",\"payload\":{\"m\":\"" + marker + "\"}}";
            byte[] request = Framing.broken(gen, body).getBytes(StandardCharsets.ISO_8859_1);
            boolean halfClose = gen.chance(30);
            Reply reply = http.exchange(request, halfClose);
            if (reply.status() == 0) {
                statuses.merge("framing closed-without-answer", 1, Integer::sum);
                System.out.println("ApiFuzzTest no answer (half-close " + halfClose + ") to: "
                        + new String(request, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n"));
                refusedMarkers.add(marker);
                refusedIds.add(id);
            } else {
                check("framing", new String(request, StandardCharsets.ISO_8859_1), reply, reply.status() >= 400 ? marker : null, id);
            }
        }
    }

    @Test
    @Order(4)
    void should_have_recorded_nothing_refused_and_stay_healthy() {
        // Every published event is recorded first, so "not recorded" also means "not published" for a refused id.
        for (String id : refusedIds) {
            assertThat(redis.redis().exists("bloodbank:correlation:forward:" + id)).as("refused " + id).isZero();
        }
        assertThat(http.send("GET", "/observe/health", null).status()).isEqualTo(200);
        assertThat(http.send("POST", "/events", ("{\"event_type\":\"" + ns + ".fuzz.after\",\"payload\":{}}").getBytes(),
                "Content-Type: application/json").status()).isEqualTo(202);
        System.out.println("ApiFuzzTest refused " + refusedMarkers.size() + " publishing requests; none recorded");
    }

    @Test
    @Order(5)
    void should_have_published_nothing_refused() {
        List<String> published = broker.drain(everything, 1000).stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList();
        for (String marker : refusedMarkers) {
            assertThat(published).as("refused " + marker + ": " + refusedRequests.get(marker) + ", yet published")
                    .noneMatch(m -> m.contains("\"" + marker + "\""));
        }
    }
}
