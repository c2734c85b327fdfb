package net.delonet.bloodbank.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.events.ArtifactEvents;
import net.delonet.bloodbank.refusal.NonRetryableException;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import net.delonet.bloodbank.testing.TcpProxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * When what a consumer relies on is away: Redis (reached through a relay the test cuts), its dead-letter queue,
 * or the bus refusing its .failed event (strict types: artifact.created.failed is not registered). The handler
 * refuses artifacts titled "refuse" and takes every other one.
 */
@BloodbankTest("bloodbank.strict-types=true")
@DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
        disabledReason = "cuts the link to an external Redis and deletes queues under the application; embedded backends run in-process")
class ConsumerOutageTest {

    private final String ns = "o" + UUID.randomUUID().toString().substring(0, 8);
    private final String name = ns + "-indexer";
    private final TcpProxy redisLink = TcpProxy.toRedis();
    private final RecordingHandler handler = new RecordingHandler().behave(call ->
            call.body() instanceof ArtifactEvents.Artifact artifact && "refuse".equals(artifact.title())
                    ? new NonRetryableException("the artifact is refused") : null);
    private RunningBloodbank bloodbank;
    private BrokerProbe broker;

    @BeforeAll
    void addConsumer() {
        // Retries spread over about ten seconds: 0.5, 1, 2, 2, 2, 2 s.
        Consumers.add(bloodbank, name, "artifact.created", handler,
                Map.of("retries", "6", "initialDelayMs", "500", "maxDelayMs", "2000"));
    }

    /** Straight onto the exchange, as Bloodbank publishes it (the HTTP API needs Redis, which may be away). */
    private String send(String title) {
        String eventId = UUID.randomUUID().toString();
        String envelope = """
                {"event_id":"%s","event_type":"artifact.created","timestamp":"2026-01-01T00:00:00Z","version":"2.0.0",
                 "source":{"host":"box","type":"agent"},"correlation_ids":[],"payload":{"artifact_id":"%s","title":"%s"}}"""
                .formatted(eventId, ns + "-" + eventId, title);
        broker.publish("artifact.created", new AMQP.BasicProperties.Builder().messageId(eventId).type("artifact.created")
                .deliveryMode(2).build(), envelope.getBytes(StandardCharsets.UTF_8));
        return eventId;
    }

    @Test
    void should_retry_through_a_redis_outage_and_handle_the_event_once_redis_is_back() throws Exception {
        redisLink.cut();
        String eventId;
        try {
            eventId = send("while redis is away");
            Thread.sleep(1500);
            assertThat(handler.calls(eventId)).as("not handled without its claim").isEmpty();
        } finally {
            redisLink.restore();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> handler.calls(eventId).size() == 1);
        assertThat(broker.depth(bloodbank.topology().deadLetters(name))).isZero();
    }

    @Test
    void should_dead_letter_and_ack_even_when_the_failed_event_is_refused() {
        String refused = send("refuse");
        String next = send("fine");
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(next).size() == 1);
        String deadLetters = bloodbank.topology().deadLetters(name);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.drain(deadLetters, 200).stream()
                .anyMatch(m -> refused.equals(m.getProps().getMessageId())));
        assertThat(broker.depth(bloodbank.topology().queue(name))).isZero();
    }

    @Test
    void should_put_a_message_back_while_its_dead_letter_queue_is_gone_then_dead_letter_it() {
        String deadLetters = bloodbank.topology().deadLetters(name);
        broker.delete(deadLetters);
        String refused = send("refuse");
        await().atMost(Duration.ofSeconds(15)).until(() -> broker.exists(deadLetters) && broker.depth(deadLetters) > 0);
        JsonNode kept = read(broker.take(deadLetters, 1000).getBody());
        assertThat(kept.get("event_id").asText()).isEqualTo(refused);
        assertThat(handler.calls(refused)).as("delivered again after the failed dead-lettering").hasSizeGreaterThanOrEqualTo(2);
    }

    private static JsonNode read(byte[] body) {
        try {
            return net.delonet.bloodbank.envelope.EnvelopeJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
