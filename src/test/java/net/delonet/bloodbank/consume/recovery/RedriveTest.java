package net.delonet.bloodbank.consume.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/**
 * GET /dlq, GET /dlq/{name} and POST /dlq/{name}/redrive. The test consumer gives up at once (no retries) on
 * events whose payload says {"fail": "always"}, and on the others while {@link #broken} is set; it takes the
 * .failed events its own failures publish (its patterns match them) in its stride.
 */
@BloodbankTest("bloodbank.dlq.max-redrives=2")
class RedriveTest {

    private final String ns = "v" + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean broken = true;
    private final RecordingHandler handler = new RecordingHandler().behave(call ->
            !call.eventType().endsWith(".failed")
                    && (broken || ((JsonNode) call.body()).path("fail").asText().equals("always"))
                    ? new IllegalStateException("still broken") : null);
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;

    private String consumer(String suffix) {
        String name = ns + "-" + suffix;
        Consumers.add(bloodbank, name, ns + "." + suffix + ".*", handler, Map.of("retries", "0"));
        return name;
    }

    private String publish(String type, String fail) {
        return api.post("/events", "{\"event_type\":\"%s\",\"payload\":{\"fail\":\"%s\"}}".formatted(type, fail))
                .json().get("event_id").asText();
    }

    private List<String> ids(JsonNode array) {
        return array.findValuesAsText("event_id").isEmpty() ? List.of(array.toString()) : array.findValuesAsText("event_id");
    }

    @Test
    void should_list_depths_and_page_through_dead_letters_without_taking_them_off() {
        String name = consumer("peek");
        List<String> published = List.of(publish(ns + ".peek.a", ""), publish(ns + ".peek.b", ""), publish(ns + ".peek.c", ""));
        String deadLetters = bloodbank.topology().deadLetters(name);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(deadLetters) == 3);

        JsonNode listed = api.get("/dlq").json().get("queues");
        JsonNode mine = listed.findParents("consumer").stream().filter(c -> c.get("consumer").asText().equals(name)).findFirst().orElseThrow();
        assertThat(mine.get("queue").asText()).isEqualTo(deadLetters);
        assertThat(mine.get("depth").asInt()).isEqualTo(3);
        assertThat(mine.get("pending").asInt()).isZero();
        assertThat(mine.get("parked").asInt()).isZero();

        JsonNode first = api.get("/dlq/" + name + "?limit=2").json();
        JsonNode second = api.get("/dlq/" + name + "?offset=2&limit=2").json();
        assertThat(first.get("depth").asInt()).isEqualTo(3);
        assertThat(first.get("messages")).hasSize(2);
        assertThat(second.get("messages")).hasSize(1);
        assertThat(ids(first.get("messages"))).doesNotContainAnyElementsOf(ids(second.get("messages")));
        assertThat(published).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(ids(first.get("messages")).stream(), ids(second.get("messages")).stream()).toList());
        JsonNode message = first.get("messages").get(0);
        assertThat(message.get("event_type").asText()).startsWith(ns + ".peek.");
        assertThat(message.get("error_message").asText()).isEqualTo("still broken");
        assertThat(message.get("error_class").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(message.get("attempts").asInt()).isEqualTo(1);
        assertThat(message.get("routing_key").asText()).isEqualTo(message.get("event_type").asText());
        assertThat(broker.depth(deadLetters)).as("peeking takes nothing off").isEqualTo(3);
    }

    @Test
    void should_redrive_the_chosen_dead_letters_then_all_of_them_with_their_event_ids() {
        String name = consumer("again");
        String one = publish(ns + ".again.one", "");
        String two = publish(ns + ".again.two", "");
        String three = publish(ns + ".again.three", "");
        String deadLetters = bloodbank.topology().deadLetters(name);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(deadLetters) == 3);
        broken = false;
        try {
            JsonNode chosen = api.post("/dlq/" + name + "/redrive", "{\"event_ids\":[\"" + two + "\"]}").json();
            assertThat(chosen.get("redriven").asInt()).isEqualTo(1);
            assertThat(chosen.get("redriven_event_ids")).extracting(JsonNode::asText).containsExactly(two);
            assertThat(chosen.get("remaining").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(two).size() == 2);

            JsonNode all = api.post("/dlq/" + name + "/redrive", "").json();
            assertThat(all.get("redriven_event_ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder(one, three);
            await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(one).size() == 2 && handler.calls(three).size() == 2);
            assertThat(broker.depth(deadLetters)).isZero();
        } finally {
            broken = true;
        }
    }

    @Test
    void should_park_a_dead_letter_redriven_too_often() {
        String name = consumer("stubborn");
        String eventId = publish(ns + ".stubborn.job", "always");
        String deadLetters = bloodbank.topology().deadLetters(name);
        for (int redrives = 0; redrives < 2; redrives++) {
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(deadLetters) == 1);
            assertThat(api.post("/dlq/" + name + "/redrive", "{}").json().get("redriven").asInt()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(deadLetters) == 1);
        assertThat(api.get("/dlq/" + name).json().at("/messages/0/redrives").asInt()).isEqualTo(2);

        JsonNode parked = api.post("/dlq/" + name + "/redrive", "{}").json();
        assertThat(parked.get("parked_event_ids")).extracting(JsonNode::asText).containsExactly(eventId);
        assertThat(parked.get("redriven").asInt()).isZero();
        GetResponse kept = broker.take(bloodbank.topology().parked(name), 2000);
        assertThat(kept.getProps().getMessageId()).isEqualTo(eventId);
        assertThat(kept.getProps().getHeaders()).containsKey(Redrive.PARKED_AT);
        assertThat(handler.calls(eventId)).hasSize(3);
    }

    @Test
    void should_list_and_redrive_an_invalid_envelope_by_the_event_id_it_names() {
        // Published straight to the exchange, without AMQP message_id or type: only the envelope names the event.
        String name = consumer("raw");
        String eventId = UUID.randomUUID().toString();
        String envelope = """
                {"event_id":"%s","event_type":"%s.raw.thing","timestamp":"2026-01-01T00:00:00Z","version":"2.0.0",
                 "source":{"host":"n8n-box","type":"hook"},"correlation_ids":[],"payload":"not an object"}"""
                .formatted(eventId, ns);
        broker.publish(ns + ".raw.thing", new AMQP.BasicProperties.Builder().contentType("application/json").build(),
                envelope.getBytes(StandardCharsets.UTF_8));
        String deadLetters = bloodbank.topology().deadLetters(name);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(deadLetters) == 1);

        JsonNode listed = api.get("/dlq/" + name).json().at("/messages/0");
        assertThat(listed.get("event_id").asText()).isEqualTo(eventId);
        assertThat(listed.get("event_type").asText()).isEqualTo(ns + ".raw.thing");
        JsonNode redriven = api.post("/dlq/" + name + "/redrive", "{\"event_ids\":[\"" + eventId + "\"]}").json();
        assertThat(redriven.get("redriven_event_ids")).extracting(JsonNode::asText).containsExactly(eventId);
    }

    @Test
    void should_refuse_an_unknown_consumer_and_bad_requests() {
        String name = consumer("refusals");
        assertThat(api.get("/dlq/" + ns + "-nobody").status()).isEqualTo(404);
        assertThat(api.post("/dlq/" + ns + "-nobody/redrive", "{}").status()).isEqualTo(404);
        assertThat(api.get("/dlq/" + name + "?limit=-1").json().get("field").asText()).isEqualTo("limit");
        assertThat(api.post("/dlq/" + name + "/redrive", "{\"event_ids\":\"one\"}").status()).isEqualTo(400);
        assertThat(api.post("/dlq/" + name + "/redrive", "[").status()).isEqualTo(400);
    }
}
