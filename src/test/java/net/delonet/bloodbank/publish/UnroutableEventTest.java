package net.delonet.bloodbank.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/**
 * An event no queue is bound for does not vanish silently: the answer says it was not routed. Runs on an exchange
 * of its own (which Bloodbank declares), since on the shared amq.topic an archive bound to # may catch everything,
 * and without its own archive, which would.
 */
class UnroutableEventTest {

    @Test
    void should_declare_its_exchange_and_report_an_event_no_queue_was_bound_for() throws Exception {
        String exchange = "bloodbank-test-" + UUID.randomUUID();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getProperty("bloodbank.test.amqp-url", "amqp://guest:guest@127.0.0.1:5672"));
        try (RunningBloodbank bloodbank = RunningBloodbank.start(Map.of("bloodbank.exchange", exchange,
                "bloodbank.archive.enabled", "false"));
                Connection connection = factory.newConnection()) {
            Answer unrouted = bloodbank.http().post("/events", "{\"event_type\":\"nobody.listens.here\",\"payload\":{}}");
            assertThat(unrouted.status()).isEqualTo(202);
            assertThat(unrouted.json().get("routed").asBoolean()).isFalse();

            Channel channel = connection.createChannel();
            channel.exchangeDeclarePassive(exchange);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, exchange, "nobody.#");
            Answer routed = bloodbank.http().post("/events", "{\"event_type\":\"nobody.listens.here\",\"payload\":{}}");
            assertThat(routed.json().get("routed").asBoolean()).isTrue();
            channel.exchangeDelete(exchange);
        }
    }
}
