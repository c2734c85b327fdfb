package net.delonet.bloodbank.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RedisProbe;
import org.junit.jupiter.api.Test;

/**
 * Values that become AMQP properties (short strings, at most 255 bytes) checked before anything is recorded or
 * published: over-long ones used to fail mid-publish and leave the channel's confirms matched to the wrong messages.
 */
@BloodbankTest
class PoisonedPublisherTest {

    private HttpApi api;
    private BrokerProbe broker;
    private RedisProbe redis;
    private final String ns = "p" + UUID.randomUUID().toString().substring(0, 8);

    private Answer publish(String eventType, String appJson, String eventId) {
        return api.post("/events", """
                {"event_id":"%s","event_type":"%s","source":{"host":"h","type":"manual","app":%s},"payload":{}}"""
                .formatted(eventId, eventType, appJson));
    }

    private void assertRefused(Answer answer, String field, String eventId) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("field").asText()).isEqualTo(field);
        assertThat(answer.json().get("error").asText()).contains("255 bytes");
        assertThat(redis.redis().exists("bloodbank:correlation:forward:" + eventId)).isZero();
    }

    @Test
    void should_refuse_over_long_amqp_properties_with_422_and_keep_publishing_promptly() {
        String queue = broker.queueBoundTo(ns + ".#");
        String longApp = "\"" + "a".repeat(300) + "\"";
        String longType = ns + ".repro." + "a".repeat(300);
        // Multi-byte characters count as UTF-8 bytes: 128 × "é" is 128 characters but 256 bytes.
        String wideApp = "\"" + "é".repeat(128) + "\"";
        String hugeNumber = "1" + "0".repeat(400);
        for (int i = 0; i < 9; i++) {
            String id = UUID.randomUUID().toString();
            assertRefused(publish(ns + ".repro.long", longApp, id), "source.app", id);
            id = UUID.randomUUID().toString();
            assertRefused(publish(longType, "\"app\"", id), "event_type", id);
        }
        String id = UUID.randomUUID().toString();
        assertRefused(publish(ns + ".repro.long", wideApp, id), "source.app", id);
        id = UUID.randomUUID().toString();
        assertRefused(publish(ns + ".repro.long", hugeNumber, id), "source.app", id);

        // Exactly 255 bytes is allowed; and every later publish is confirmed at once, on every channel.
        assertThat(publish(ns + ".repro.edge", "\"" + "a".repeat(255) + "\"", UUID.randomUUID().toString()).status())
                .isEqualTo(202);
        for (int i = 0; i < 16; i++) {
            long started = System.nanoTime();
            Answer answer = publish(ns + ".repro.after", "\"app\"", UUID.randomUUID().toString());
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(broker.drain(queue, 300)).hasSize(17)
                .allMatch(m -> m.getEnvelope().getRoutingKey().startsWith(ns + ".repro.e")
                        || m.getEnvelope().getRoutingKey().equals(ns + ".repro.after"));
    }
}
