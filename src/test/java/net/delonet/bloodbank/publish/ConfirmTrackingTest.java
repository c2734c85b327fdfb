package net.delonet.bloodbank.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.delonet.bloodbank.refusal.UnavailableException;
import net.delonet.bloodbank.testing.BrokerProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * One publish failing mid-way (here an app_id the AMQP client cannot encode, which validation normally refuses
 * first) never puts the channel's confirms out of step: later publishes on the same publisher are each confirmed
 * by their own ack, promptly.
 */
@DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
        disabledReason = "talks to the broker without starting the application, which is what starts the embedded one")
class ConfirmTrackingTest {

    private static final long CONFIRM_TIMEOUT_MS = 3000;

    private static OutgoingEvent event(String routingKey, String app) {
        String id = UUID.randomUUID().toString();
        return new OutgoingEvent(id, routingKey, null, System.currentTimeMillis() / 1000, app,
                ("{\"event_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_fail_only_the_broken_publish_and_confirm_every_later_one() throws Exception {
        String ns = "c" + UUID.randomUUID().toString().substring(0, 8);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getProperty("bloodbank.test.amqp-url", "amqp://guest:guest@127.0.0.1:5672"));
        factory.useNio();
        // One channel, so every publish after the broken one goes to the channel it broke.
        try (BrokerProbe broker = new BrokerProbe();
                EventPublisher publisher = new EventPublisher(factory, "amq.topic", 1, CONFIRM_TIMEOUT_MS)) {
            String queue = broker.queueBoundTo(ns + ".#");
            assertThat(publisher.publish(event(ns + ".ok.first", "app")).toCompletableFuture().get(5, TimeUnit.SECONDS)).isTrue();
            for (int broken = 0; broken < 3; broken++) {
                CompletableFuture<Boolean> failed = publisher.publish(event(ns + ".bad.app", "a".repeat(300))).toCompletableFuture();
                assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(UnavailableException.class);
            }
            // Concurrent and sequential publishes after it: every one confirmed well before the confirm timeout.
            List<CompletableFuture<Boolean>> later = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                later.add(publisher.publish(event(ns + ".ok.later", "app")).toCompletableFuture());
            }
            for (CompletableFuture<Boolean> publish : later) {
                assertThat(publish.get(5, TimeUnit.SECONDS)).isTrue();
            }
            for (int i = 0; i < 5; i++) {
                assertThat(publisher.publish(event(ns + ".ok.sequential", "app")).toCompletableFuture()
                        .get(CONFIRM_TIMEOUT_MS / 2, TimeUnit.MILLISECONDS)).isTrue();
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(CONFIRM_TIMEOUT_MS);
            assertThat(broker.drain(queue, 300)).hasSize(26)
                    .noneMatch(m -> m.getEnvelope().getRoutingKey().endsWith(".bad.app"));
        }
    }
}
