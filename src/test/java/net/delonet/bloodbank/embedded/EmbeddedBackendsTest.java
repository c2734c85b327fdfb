package net.delonet.bloodbank.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-detection: with nothing answering on the configured ports, Bloodbank starts its embedded broker and store
 * there, publishes with wildcard routing and correlation, and keeps queued messages and causation across a restart.
 */
@DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
        disabledReason = "tests auto-detection; the embedded profile forces the embedded backends through the environment")
class EmbeddedBackendsTest {

    @TempDir
    Path home;

    private final int amqpPort = RunningBloodbank.freePort();
    private final int redisPort = RunningBloodbank.freePort();

    private RunningBloodbank start() {
        return RunningBloodbank.start(Map.of(
                "bloodbank.broker", "auto", "bloodbank.store", "auto",
                "bloodbank.embedded.dir", home.toString(),
                "bloodbank.rabbit.url", "amqp://guest:guest@127.0.0.1:" + amqpPort,
                "bloodbank.redis.host", "127.0.0.1", "bloodbank.redis.port", Integer.toString(redisPort)));
    }

    private Connection amqp() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:" + amqpPort);
        return factory.newConnection();
    }

    @Test
    void should_start_embedded_backends_when_nothing_answers_and_keep_data_across_a_restart() throws Exception {
        String root;
        String child;
        try (RunningBloodbank bloodbank = start(); Connection connection = amqp()) {
            assertThat(bloodbank.context().resolvePropertyPlaceholders("{{bloodbank.broker.kind}}")).isEqualTo("embedded");
            Channel channel = connection.createChannel();
            channel.queueDeclare("embedded-test", true, false, false, null);
            channel.queueBind("embedded-test", "amq.topic", "*.transcript.*");

            Answer first = bloodbank.http().post("/events", "{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{\"media_file\":\"/r/a.mp3\"}}");
            assertThat(first.status()).isEqualTo(202);
            assertThat(first.json().get("routed").asBoolean()).isTrue();
            root = first.json().get("event_id").asText();
            Answer second = bloodbank.http().post("/events",
                    "{\"event_type\":\"other.transcript.ready.extra\",\"payload\":{},\"correlation_ids\":[\"" + root + "\"]}");
            assertThat(second.json().get("routed").asBoolean()).isFalse();
            child = second.json().get("event_id").asText();
            assertThat(bloodbank.http().get("/observe/health").status()).isEqualTo(200);
        }

        try (RunningBloodbank again = start(); Connection connection = amqp()) {
            GetResponse kept = connection.createChannel().basicGet("embedded-test", true);
            assertThat(kept).as("persistent message in a durable queue survives the restart").isNotNull();
            JsonNode body = EnvelopeJson.mapper().readTree(kept.getBody());
            assertThat(body.get("event_id").asText()).isEqualTo(root);
            assertThat(kept.getProps().getDeliveryMode()).isEqualTo(2);

            JsonNode chain = again.http().get("/debug/correlation/" + child + "/chain").json();
            assertThat(chain.get("chain")).extracting(JsonNode::asText).containsExactly(root, child);
        }
    }

    @Test
    void should_use_the_configured_servers_when_they_answer() {
        assumeTrue(Backends.answers("localhost", 5672) && Backends.answers("localhost", 6379), "needs RabbitMQ and Redis on localhost");
        try (RunningBloodbank bloodbank = RunningBloodbank.start(Map.of("bloodbank.broker", "auto", "bloodbank.store", "auto",
                "bloodbank.embedded.dir", home.toString()))) {
            assertThat(bloodbank.context().resolvePropertyPlaceholders("{{bloodbank.broker.kind}}")).isEqualTo("rabbitmq");
            assertThat(home.resolve("redis")).doesNotExist();
            assertThat(bloodbank.http().post("/events", "{\"event_type\":\"auto.detect.test\",\"payload\":{\"id\":\""
                    + UUID.randomUUID() + "\"}}").status()).isEqualTo(202);
        }
    }
}
