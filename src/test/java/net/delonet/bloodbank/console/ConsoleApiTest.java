package net.delonet.bloodbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * The read endpoints the console uses, on the real service: an envelope by id (from memory, then the archive), the
 * lineage as nodes with their parents, the service's description; and the console's files served from the jar.
 */
// Two recent events only: older ones must come from the archive stream
@BloodbankTest("bloodbank.live.recent-events=2")
class ConsoleApiTest {

    private final String ns = "k" + UUID.randomUUID().toString().substring(0, 8);
    private HttpApi api;

    private String publish(String type, String... parents) {
        String json = "{\"event_type\":\"%s.%s\",\"payload\":{\"n\":1},\"correlation_ids\":[%s]}".formatted(ns, type,
                parents.length == 0 ? "" : "\"" + String.join("\",\"", parents) + "\"");
        HttpApi.Answer answer = api.post("/events", json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("event_id").asText();
    }

    @Test
    void should_answer_an_envelope_from_the_recent_events_and_else_from_the_archive() {
        String old = publish("cart.opened");
        publish("cart.touched");
        String newest = publish("cart.closed", old);

        JsonNode recent = api.get("/debug/events/" + newest).json();
        assertThat(recent.get("found_in").asText()).isEqualTo("recent");
        assertThat(recent.at("/envelope/correlation_ids/0").asText()).isEqualTo(old);

        HttpApi.Answer archived = api.get("/debug/events/" + old);
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(archived.json().get("found_in").asText()).isEqualTo("archive");
        assertThat(archived.json().at("/envelope/event_type").asText()).isEqualTo(ns + ".cart.opened");
    }

    @Test
    void should_refuse_an_unknown_or_malformed_event_id() {
        HttpApi.Answer unknown = api.get("/debug/events/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("neither among the recent events nor in the archive");
        HttpApi.Answer malformed = api.get("/debug/events/not-an-id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("event_id");
    }

    @Test
    void should_draw_the_lineage_as_nodes_with_their_parents_and_types() {
        String root = publish("order.placed");
        String paid = publish("order.paid", root);
        String failed = publish("order.failed", paid);

        JsonNode graph = api.get("/debug/correlation/" + paid + "/graph").json();
        assertThat(graph.get("nodes").findValuesAsText("event_id")).containsExactly(root, paid, failed);
        JsonNode last = graph.get("nodes").get(2);
        assertThat(last.get("event_type").asText()).isEqualTo(ns + ".order.failed");
        assertThat(last.get("parents").get(0).asText()).isEqualTo(paid);
        assertThat(graph.get("truncated").asBoolean()).isFalse();

        JsonNode cut = api.get("/debug/correlation/" + paid + "/graph?limit=2").json();
        assertThat(cut.get("count").asInt()).isEqualTo(2);
        assertThat(cut.get("truncated").asBoolean()).isTrue();
        HttpApi.Answer badLimit = api.get("/debug/correlation/" + paid + "/graph?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("field").asText()).isEqualTo("limit");
        assertThat(api.get("/debug/correlation/" + UUID.randomUUID() + "/graph").status()).isEqualTo(404);
    }

    @Test
    void should_describe_camel_the_backends_and_the_routes() {
        JsonNode service = api.get("/debug/service").json();
        assertThat(service.get("camel_version").asText()).startsWith("4.");
        assertThat(service.get("broker").asText()).startsWith("RabbitMQ at");
        assertThat(service.get("store").asText()).startsWith("Redis at");
        assertThat(service.get("routes").findValuesAsText("id")).contains("publish", "service-info");
        // the RAG consumers are this replica's own (docs/replicas.md)
        assertThat(service.get("consumers").findValuesAsText("name")).contains("artifact-logger")
                .anyMatch(name -> name.startsWith("rag-ingester-"));
    }

    @Test
    void should_serve_the_console_from_the_jar_at_the_root() {
        HttpApi.Answer root = api.get("/");
        assertThat(root.status()).isEqualTo(302);
        assertThat(api.get("/console/").body()).contains("<title>Bloodbank console</title>");
        assertThat(api.get("/console/js/app.js").body()).contains("import");
        assertThat(api.get("/console/nothing.js").status()).isEqualTo(404);
    }
}
