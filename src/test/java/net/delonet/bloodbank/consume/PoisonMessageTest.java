package net.delonet.bloodbank.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.delonet.bloodbank.consume.pipeline.DeadLetter;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages that are not valid events, sent by a producer that bypasses Bloodbank's checks: each goes to the
 * dead-letter queue at its first delivery, never reaches the handler, and the consumer goes on with the next one.
 */
@BloodbankTest
class PoisonMessageTest {

    private final String ns = "p" + UUID.randomUUID().toString().substring(0, 8);
    private final String name = ns + "-strict";
    private final RecordingHandler handler = new RecordingHandler();
    private RunningBloodbank bloodbank;
    private BrokerProbe broker;

    @BeforeAll
    void addConsumer() {
        Consumers.add(bloodbank, name, ns + ".#,artifact.deleted", handler);
    }

    private void send(String routingKey, String messageId, String body) {
        broker.publish(routingKey, new AMQP.BasicProperties.Builder().messageId(messageId).type(routingKey)
                .contentType("application/json").deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String eventId, String type, String payload) {
        return """
                {"event_id":"%s","event_type":"%s","timestamp":"2026-01-01T00:00:00Z","version":"2.0.0",
                 "source":{"host":"n8n-box","type":"hook"},"correlation_ids":[],"payload":%s}""".formatted(eventId, type, payload);
    }

    @Test
    void should_dead_letter_invalid_messages_at_once_and_keep_consuming() throws Exception {
        String wrongPayload = UUID.randomUUID().toString();
        String probe = broker.queueBoundTo("artifact.deleted.failed");
        send(ns + ".raw.text", null, "this is not JSON");
        send(ns + ".raw.anonymous", null, "{\"event_type\":\"" + ns + ".raw.anonymous\",\"payload\":{}}");
        send("artifact.deleted", wrongPayload, envelope(wrongPayload, "artifact.deleted", "{\"reason\":\"no id\"}"));
        String good = UUID.randomUUID().toString();
        send(ns + ".raw.fine", good, envelope(good, ns + ".raw.fine", "{}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(good).size() == 1);
        String deadLetters = bloodbank.topology().deadLetters(name);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.depth(deadLetters) == 3);
        List<GetResponse> dead = broker.drain(deadLetters, 200);
        assertThat(dead).extracting(m -> m.getEnvelope().getRoutingKey()).containsOnly(deadLetters);
        assertThat(dead).extracting(m -> m.getProps().getHeaders().get(DeadLetter.ROUTING_KEY).toString())
                .containsExactlyInAnyOrder(ns + ".raw.text", ns + ".raw.anonymous", "artifact.deleted");
        assertThat(dead).allSatisfy(m -> {
            assertThat(m.getProps().getHeaders().get(DeadLetter.ATTEMPTS)).isEqualTo(1);
            assertThat(m.getProps().getHeaders().get(DeadLetter.ERROR_CODE).toString()).isEqualTo("invalid_event");
            assertThat(m.getProps().getHeaders().get(DeadLetter.RETRYABLE)).isEqualTo(false);
        });
        assertThat(new String(dead.stream().filter(m -> wrongPayload.equals(m.getProps().getMessageId())).findFirst()
                .orElseThrow().getProps().getHeaders().get(DeadLetter.ERROR_MESSAGE).toString()))
                .contains("payload.artifact_id");
        assertThat(handler.calls()).extracting(RecordingHandler.Call::eventId).containsExactly(good);

        // The wrong payload still named its event: the bus hears of it (from each consumer that got it, the example
        // artifact-logger too); the unreadable ones have no event to name.
        JsonNode failed = broker.drain(probe, 1000).stream().map(m -> read(m.getBody()))
                .filter(e -> e.get("correlation_ids").get(0).asText().equals(wrongPayload))
                .filter(e -> e.at("/payload/failed_stage").asText().equals(name)).findFirst().orElseThrow();
        assertThat(failed.at("/payload/error_code").asText()).isEqualTo("invalid_event");
    }

    private static JsonNode read(byte[] body) {
        try {
            return EnvelopeJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
