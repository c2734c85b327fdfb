package net.delonet.bloodbank.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /events against the real broker: what a consumer bound to the exchange receives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishApiTest {

    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    /** A namespace of this run's own, so events of other tests on the broker never match our bindings. */
    private final String ns = "t" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void start() {
        bloodbank = RunningBloodbank.start();
        api = bloodbank.http();
        broker = new BrokerProbe();
    }

    @AfterAll
    void stop() throws Exception {
        broker.close();
        bloodbank.close();
    }

    @Test
    void should_deliver_exactly_the_envelope_with_every_amqp_property_after_the_confirm() throws Exception {
        String queue = broker.queueBoundTo(ns + ".transcript.#");
        String parent1 = UUID.randomUUID().toString();
        String parent2 = UUID.randomUUID().toString();
        Answer answer = api.post("/events", """
                {"event_type":"%s.transcript.upload","payload":{"media_file":"/r/standup.mp3"},
                 "timestamp":"2025-10-18T12:00:00Z",
                 "source":{"host":"workstation","type":"file_watch","app":"watcher"},
                 "correlation_ids":["%s","%s"]}""".formatted(ns, parent1, parent2));

        assertThat(answer.status()).isEqualTo(202);
        String eventId = answer.json().get("event_id").asText();
        assertThat(answer.json().get("routed").asBoolean()).isTrue();

        GetResponse message = broker.take(queue, 5000);
        assertThat(message).isNotNull();
        AMQP.BasicProperties props = message.getProps();
        assertThat(message.getEnvelope().getExchange()).isEqualTo("amq.topic");
        assertThat(message.getEnvelope().getRoutingKey()).isEqualTo(ns + ".transcript.upload");
        assertThat(props.getDeliveryMode()).isEqualTo(2);
        assertThat(props.getContentType()).isEqualTo("application/json");
        assertThat(props.getContentEncoding()).isEqualTo("utf-8");
        assertThat(props.getMessageId()).isEqualTo(eventId);
        assertThat(props.getCorrelationId()).isEqualTo(parent1);
        assertThat(props.getTimestamp().getTime()).isEqualTo(1760788800000L);
        assertThat(props.getType()).isEqualTo(ns + ".transcript.upload");
        assertThat(props.getAppId()).isEqualTo("watcher");

        JsonNode body = EnvelopeJson.mapper().readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        assertThat(body.fieldNames()).toIterable().containsExactly(
                "event_id", "event_type", "timestamp", "version", "source", "correlation_ids", "agent_context", "payload");
        assertThat(body.get("event_id").asText()).isEqualTo(eventId);
        assertThat(body.get("timestamp").asText()).isEqualTo("2025-10-18T12:00:00Z");
        assertThat(body.get("version").asText()).isEqualTo("2.0.0");
        assertThat(body.get("source").get("type").asText()).isEqualTo("file_watch");
        assertThat(body.get("correlation_ids")).hasSize(2);
        assertThat(body.get("correlation_ids").get(0).asText()).isEqualTo(parent1);
        assertThat(body.get("agent_context").isNull()).isTrue();
        assertThat(body.get("payload").get("media_file").asText()).isEqualTo("/r/standup.mp3");
    }

    @Test
    void should_leave_correlation_id_unset_for_a_root_event() {
        String queue = broker.queueBoundTo(ns + ".root.#");
        assertThat(api.post("/events", "{\"event_type\":\"%s.root.made\",\"payload\":{}}".formatted(ns)).status()).isEqualTo(202);
        GetResponse message = broker.take(queue, 5000);
        assertThat(message.getProps().getCorrelationId()).isNull();
    }

    @Test
    void should_route_star_to_one_word_and_hash_to_any_number() {
        String star = broker.queueBoundTo("*.transcript.*");
        String hash = broker.queueBoundTo(ns + ".#");
        api.post("/events", "{\"event_type\":\"%s.transcript.ready\",\"payload\":{}}".formatted(ns));
        api.post("/events", "{\"event_type\":\"%s.transcript.ready.late\",\"payload\":{}}".formatted(ns));
        api.post("/events", "{\"event_type\":\"%s.audio\",\"payload\":{}}".formatted(ns));

        assertThat(broker.drain(hash, 500)).extracting(m -> m.getEnvelope().getRoutingKey())
                .containsExactlyInAnyOrder(ns + ".transcript.ready", ns + ".transcript.ready.late", ns + ".audio");
        assertThat(broker.drain(star, 500)).extracting(m -> m.getEnvelope().getRoutingKey())
                .filteredOn(key -> key.startsWith(ns)).containsExactly(ns + ".transcript.ready");
    }

    @Test
    void should_publish_a_bare_payload_with_parents_and_key_from_the_query() throws Exception {
        String queue = broker.queueBoundTo(ns + ".bare.#");
        String parent = UUID.randomUUID().toString();
        Answer answer = api.post("/events/" + ns + ".bare.done?parent=" + parent + "&key.run=7&source_app=cron",
                "{\"count\":3}");
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("event_id").asText())
                .isEqualTo(net.delonet.bloodbank.envelope.EventIds.deterministic(ns + ".bare.done",
                        java.util.Map.of("run", "7")).toString());
        JsonNode body = EnvelopeJson.mapper().readTree(broker.take(queue, 5000).getBody());
        assertThat(body.get("payload").get("count").asInt()).isEqualTo(3);
        assertThat(body.get("correlation_ids").get(0).asText()).isEqualTo(parent);
        assertThat(body.get("source").get("app").asText()).isEqualTo("cron");
    }

    @Test
    void should_take_several_parents_from_repeated_query_parameters_and_the_header() throws Exception {
        String queue = broker.queueBoundTo(ns + ".bare.#");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        Answer answer = api.post("/events/" + ns + ".bare.many?parent=" + first + "&parent=" + second, "{}",
                java.util.Map.of("X-Parent-Ids", third));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonNode body = EnvelopeJson.mapper().readTree(broker.take(queue, 5000).getBody());
        assertThat(body.get("correlation_ids")).extracting(JsonNode::asText).containsExactly(first, second, third);
    }

    @Test
    void should_answer_the_same_deterministic_id_for_the_same_key_every_time() {
        String request = "{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{\"media_file\":\"/r/a.mp3\"},"
                + "\"idempotency_key\":{\"meeting_id\":\"abc123\"}}";
        assertThat(api.post("/events", request).json().get("event_id").asText())
                .isEqualTo("70117275-3199-5e4c-a175-71646fb33ad7");
        assertThat(api.post("/events", request).json().get("event_id").asText())
                .isEqualTo("70117275-3199-5e4c-a175-71646fb33ad7");
    }

    @Test
    void should_list_every_seed_event_type_with_its_schema() {
        Answer answer = api.get("/events/types");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("event_types").findValuesAsText("event_type")).contains(
                "fireflies.transcript.upload", "fireflies.transcript.ready", "fireflies.transcript.processed",
                "fireflies.transcript.failed", "agent.thread.prompt", "agent.thread.response", "agent.thread.error",
                "llm.prompt", "llm.response", "llm.error", "artifact.created", "artifact.updated", "artifact.deleted",
                "artifact.ingestion.failed", "github.pr.created");
        JsonNode ready = api.get("/events/types/fireflies.transcript.ready").json();
        JsonNode sentence = ready.at("/schema/properties/sentences/items");
        assertThat(sentence.at("/properties/start_time/type").asText()).isEqualTo("number");
        assertThat(sentence.at("/required/0").asText()).isEqualTo("text");
        assertThat(ready.at("/schema/properties/user/properties/email/type").asText()).isEqualTo("string");
        assertThat(api.get("/events/types/no.such.type").status()).isEqualTo(404);
    }

    @Test
    void should_publish_from_java_through_the_same_checks() throws Exception {
        EventBus bus = bloodbank.context().getRegistry().lookupByNameAndType("eventBus", EventBus.class);
        String queue = broker.queueBoundTo(ns + ".java.#");
        UUID parent = UUID.randomUUID();
        JsonNode answer = bus.publish(EventBus.request(ns + ".java.done", java.util.Map.of("n", 1), java.util.List.of(parent),
                new net.delonet.bloodbank.envelope.Source("h", net.delonet.bloodbank.envelope.TriggerType.SCHEDULED, "cron", null)));
        assertThat(answer.get("routed").asBoolean()).isTrue();
        JsonNode body = EnvelopeJson.mapper().readTree(broker.take(queue, 5000).getBody());
        assertThat(body.get("event_id").asText()).isEqualTo(answer.get("event_id").asText());
        assertThat(body.get("source").get("type").asText()).isEqualTo("scheduled");
        assertThat(body.get("correlation_ids").get(0).asText()).isEqualTo(parent.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bus.publish(EventBus.request("llm.prompt", java.util.Map.of("prompt", "hi"), java.util.List.of(), null)))
                .isInstanceOfSatisfying(net.delonet.bloodbank.refusal.ApiException.class, e -> assertThat(e.field()).isEqualTo("payload.provider"));
    }

    @Test
    void should_be_ready_when_rabbitmq_and_redis_answer() {
        Answer health = api.get("/observe/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }
}
