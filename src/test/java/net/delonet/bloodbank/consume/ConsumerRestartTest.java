package net.delonet.bloodbank.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RedisProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Consumers that stop, with quorum queues (the type for a cluster): nothing published meanwhile is lost, and an
 * application that dies mid-handling leaves the message to the next one, which handles it once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
        disabledReason = "quorum queues are RabbitMQ's, and restarting the application restarts the embedded broker with it")
class ConsumerRestartTest {

    private final String ns = "r" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> settings = Map.of("bloodbank.queue-prefix", ns + ".",
            "bloodbank.consumer.queue-type", "quorum", "bloodbank.consumer.claim-ttl-ms", "1500",
            "camel.main.shutdown-timeout", "2");
    private final List<String> queues = new ArrayList<>();
    private BrokerProbe broker;

    @BeforeAll
    void start() {
        broker = new BrokerProbe();
    }

    @AfterAll
    void stop() throws Exception {
        broker.delete(queues.stream().distinct().toArray(String[]::new));
        broker.close();
    }

    private RunningBloodbank app(String consumer, RecordingHandler handler) {
        RunningBloodbank app = RunningBloodbank.start(settings);
        Consumers.add(app, consumer, ns + ".work.*", handler);
        track(app);
        return app;
    }

    /** Every queue the application declared (its consumers' and the archive), deleted after the tests. */
    private void track(RunningBloodbank app) {
        Topology topology = app.topology();
        queues.add(topology.archive());
        topology.consumers().keySet().forEach(name ->
                queues.addAll(List.of(topology.queue(name), topology.deadLetters(name), topology.parked(name))));
    }

    private String publish(RunningBloodbank app, String eventId) {
        return app.http().post("/events", "{\"event_id\":\"%s\",\"event_type\":\"%s.work.item\",\"payload\":{}}"
                .formatted(eventId, ns)).json().get("event_id").asText();
    }

    @Test
    void should_handle_everything_published_while_the_consumer_was_stopped() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (RunningBloodbank app = app(ns + "-paused", handler)) {
            app.context().getRouteController().stopRoute("consumer-" + ns + "-paused");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(publish(app, UUID.randomUUID().toString()));
            }
            assertThat(broker.depth(app.topology().queue(ns + "-paused"))).isEqualTo(5);
            assertThat(handler.calls()).isEmpty();

            app.context().getRouteController().startRoute("consumer-" + ns + "-paused");
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> handler.calls(id).size() == 1));
            assertThat(handler.calls()).hasSize(5);
        }
    }

    @Test
    void should_put_back_a_message_waiting_for_its_retry_when_the_consumer_stops() throws Exception {
        String consumer = ns + "-patient";
        RecordingHandler handler = new RecordingHandler();
        handler.behave(call -> handler.calls().size() == 1 ? new IllegalStateException("not yet") : null);
        try (RunningBloodbank app = RunningBloodbank.start(settings)) {
            Consumers.add(app, consumer, ns + ".wait.*", handler, Map.of("initialDelayMs", "5000", "maxDelayMs", "5000"));
            track(app);
            String eventId = app.http().post("/events", "{\"event_type\":\"%s.wait.item\",\"payload\":{}}".formatted(ns))
                    .json().get("event_id").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(eventId).size() == 1);

            // Stopped during the 5 s wait before its retry (the stop gives up waiting after 2 s).
            app.context().getRouteController().stopRoute("consumer-" + consumer);
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.depth(app.topology().queue(consumer)) == 1);
            assertThat(broker.depth(app.topology().deadLetters(consumer))).isZero();
            try (RedisProbe redis = new RedisProbe()) {
                await().atMost(Duration.ofSeconds(3)).until(() ->
                        redis.redis().exists("bloodbank:processing:" + app.topology().queue(consumer) + ":" + eventId) == 0);
            }

            app.context().getRouteController().startRoute("consumer-" + consumer);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(handler.calls(eventId)).hasSize(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.depth(app.topology().queue(consumer)) == 0);
            assertThat(broker.depth(app.topology().deadLetters(consumer))).isZero();
        }
    }

    @Test
    void should_lose_nothing_and_act_once_when_the_application_dies_mid_handling() throws Exception {
        String consumer = ns + "-crashy";
        String eventId = UUID.randomUUID().toString();
        AtomicInteger sideEffects = new AtomicInteger();
        CountDownLatch dies = new CountDownLatch(1);
        // The first application's handler is stuck until it "dies" (then it throws: a dead process does nothing more).
        RecordingHandler stuck = new RecordingHandler().behave(call -> {
            try {
                dies.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new IllegalStateException("the process died");
        });
        RunningBloodbank first = app(consumer, stuck);
        String queue = first.topology().queue(consumer);
        publish(first, eventId);
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.calls(eventId).size() == 1);

        first.close();
        // unacknowledged, so back on the queue (the broker requeues it as it closes the channel: asked until it has)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(broker.depth(queue)).isEqualTo(1));

        RecordingHandler working = new RecordingHandler().behave(call -> {
            sideEffects.incrementAndGet();
            return null;
        });
        try (RunningBloodbank second = app(consumer, working)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> working.calls(eventId).size() == 1);
            dies.countDown();
            // Delivered again (a redelivery, a re-publish): handled already, so not handled again.
            publish(second, eventId);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> sideEffects.get() == 1);
            assertThat(broker.depth(queue)).isZero();
            assertThat(broker.depth(second.topology().deadLetters(consumer))).isZero();
        }
    }

    @Test
    void should_declare_quorum_queues_when_configured() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (RunningBloodbank app = app(ns + "-typed", handler); Connection connection = rabbit()) {
            Channel channel = connection.createChannel();
            String queue = app.topology().queue(ns + "-typed");
            assertThatThrownBy(() -> channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "classic")))
                    .hasStackTraceContaining("inequivalent arg 'x-queue-type'");
        }
    }

    private static Connection rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672");
        return factory.newConnection();
    }
}
