package net.delonet.bloodbank.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.live.TopicPattern;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The n8n examples (examples/n8n): their shape as n8n reads it, and their Code nodes' JavaScript run with Node on
 * real events: the producer's request published through the service, the consumer's input taken off the bus.
 */
class N8nWorkflowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONSUMER = Path.of("examples/n8n/bloodbank-consumer.json");
    private static final Path PRODUCER = Path.of("examples/n8n/bloodbank-producer.json");
    private static final List<String> TYPES = new EventTypeRegistry().names();

    @Test
    void should_consume_from_amq_topic_on_an_n8n_queue_parse_the_envelope_and_route_by_event_type() throws IOException {
        JsonNode workflow = JSON.readTree(CONSUMER.toFile());
        JsonNode trigger = node(workflow, "RabbitMQ Trigger", "n8n-nodes-base.rabbitmqTrigger");
        assertThat(trigger.at("/parameters/queue").asText()).startsWith("n8n-");
        assertThat(trigger.at("/parameters/options/durable").asBoolean()).isTrue();
        for (String key : routingKeys(trigger)) {
            assertThat(TopicPattern.isValid(key)).as(key).isTrue();
            assertThat(TopicPattern.misleadingStar(key, TYPES)).as(key).isEmpty();
            assertThat(TYPES).as("a registered type for " + key).anyMatch(type -> TopicPattern.matches(key, type));
        }
        assertThat(trigger.at("/parameters/options/binding/bindings")).allSatisfy(
                binding -> assertThat(binding.get("exchange").asText()).isEqualTo("amq.topic"));
        assertThat(node(workflow, "Parse envelope", "n8n-nodes-base.code").at("/parameters/jsCode").asText())
                .contains("JSON.parse($json.content)");
        JsonNode rules = node(workflow, "Route by event type", "n8n-nodes-base.switch").at("/parameters/rules/values");
        for (JsonNode rule : rules) {
            JsonNode condition = rule.at("/conditions/conditions/0");
            assertThat(condition.get("leftValue").asText()).isEqualTo("={{ $json.event_type }}");
            assertThat(TYPES).as(rule.toString()).anyMatch(type -> matches(condition, type));
        }
        assertThat(next(workflow, "RabbitMQ Trigger")).containsExactly(List.of("Parse envelope"));
        assertThat(next(workflow, "Parse envelope")).containsExactly(List.of("Route by event type"));
        // one output per rule, and the fallback ("extra") for every other event
        assertThat(next(workflow, "Route by event type")).hasSize(rules.size() + 1)
                .containsExactly(List.of("Transcript ready"), List.of("Artifact changed"), List.of("Other event"));
    }

    @Test
    void should_post_the_built_request_to_events() throws IOException {
        JsonNode workflow = JSON.readTree(PRODUCER.toFile());
        node(workflow, "Build event", "n8n-nodes-base.code");
        JsonNode post = node(workflow, "POST /events", "n8n-nodes-base.httpRequest").get("parameters");
        assertThat(post.get("method").asText()).isEqualTo("POST");
        assertThat(post.get("url").asText()).endsWith("/events");
        assertThat(post.get("sendBody").asBoolean()).isTrue();
        assertThat(post.get("jsonBody").asText()).isEqualTo("={{ JSON.stringify($json) }}");
        assertThat(next(workflow, "Build event")).containsExactly(List.of("POST /events"));
    }

    @Test
    void should_publish_the_producers_event_and_parse_it_off_the_bus_with_the_consumers_code() throws Exception {
        Assumptions.assumeTrue(CodeNode.nodeAvailable(), "node is not installed: the Code nodes' JavaScript is not run");
        String uri = "n8n://notes/" + UUID.randomUUID();
        JsonNode request = CodeNode.run(PRODUCER, "Build event",
                JSON.createObjectNode().put("uri", uri).put("title", "Groceries").put("content", "Buy milk"));
        assertThat(request.at("/idempotency_key/uri").asText()).isEqualTo(uri);

        try (RunningBloodbank bloodbank = RunningBloodbank.start(); BrokerProbe broker = new BrokerProbe()) {
            String queue = broker.queueBoundTo(routingKeys(node(JSON.readTree(CONSUMER.toFile()), "RabbitMQ Trigger",
                    "n8n-nodes-base.rabbitmqTrigger")).toArray(String[]::new));
            HttpApi.Answer answer = bloodbank.http().post("/events", request.toString());
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            String eventId = answer.json().get("event_id").asText();
            assertThat(eventId).isEqualTo(EventIds.deterministic("artifact.created", Map.of("uri", uri)).toString());

            // the RabbitMQ Trigger's item: the body as text in content (other tests' artifact events may come first)
            String body = null;
            for (GetResponse message; body == null && (message = broker.take(queue, 10_000)) != null; ) {
                String text = new String(message.getBody(), StandardCharsets.UTF_8);
                body = text.contains(eventId) ? text : null;
            }
            assertThat(body).as("the event on the n8n queue").isNotNull();
            JsonNode parsed = CodeNode.run(CONSUMER, "Parse envelope", JSON.createObjectNode().put("content", body));
            assertThat(parsed.get("event_id").asText()).isEqualTo(eventId);
            assertThat(parsed.get("event_type").asText()).isEqualTo("artifact.created");
            assertThat(parsed.get("correlation_ids")).isEmpty();
            assertThat(parsed.at("/source/app").asText()).isEqualTo("n8n");
            assertThat(parsed.at("/payload/uri").asText()).isEqualTo(uri);
            assertThat(parsed.at("/payload/content").asText()).isEqualTo("Buy milk");
        }
    }

    static JsonNode node(JsonNode workflow, String name, String type) {
        JsonNode found = StreamSupport.stream(workflow.get("nodes").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no node " + name));
        assertThat(found.get("type").asText()).isEqualTo(type);
        assertThat(found.get("typeVersion").isNumber()).isTrue();
        assertThat(found.get("position")).hasSize(2);
        return found;
    }

    /** The names of the nodes each output of {@code from} leads to, output by output. */
    static List<List<String>> next(JsonNode workflow, String from) {
        List<List<String>> outputs = new ArrayList<>();
        for (JsonNode output : workflow.at("/connections/" + from.replace("/", "~1") + "/main")) {
            List<String> targets = new ArrayList<>();
            output.forEach(target -> targets.add(target.get("node").asText()));
            assertThat(workflow.get("nodes").findValuesAsText("name")).containsAll(targets);
            outputs.add(targets);
        }
        return outputs;
    }

    private static List<String> routingKeys(JsonNode trigger) {
        List<String> keys = new ArrayList<>();
        trigger.at("/parameters/options/binding/bindings").forEach(b -> keys.add(b.get("routingKey").asText()));
        assertThat(keys).isNotEmpty();
        return keys;
    }

    private static boolean matches(JsonNode condition, String eventType) {
        String value = condition.get("rightValue").asText();
        return switch (condition.at("/operator/operation").asText()) {
            case "equals" -> eventType.equals(value);
            case "startsWith" -> eventType.startsWith(value);
            default -> throw new AssertionError("an operation the test does not know: " + condition);
        };
    }
}
