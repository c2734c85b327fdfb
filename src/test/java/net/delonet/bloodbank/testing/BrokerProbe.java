package net.delonet.bloodbank.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.util.ArrayList;
import java.util.List;

/** Looks at the real broker as a consumer would: temporary queues bound with patterns, messages taken off them. */
public final class BrokerProbe implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    public BrokerProbe() {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(System.getProperty("bloodbank.test.amqp-url", "amqp://guest:guest@127.0.0.1:5672"));
            connection = factory.newConnection("bloodbank-test-probe");
            channel = connection.createChannel();
        } catch (Exception e) {
            throw new IllegalStateException("The broker under test must run (RabbitMQ on 127.0.0.1:5672, or the embedded one)", e);
        }
    }

    /** A server-named, exclusive queue bound to amq.topic with each pattern. */
    public String queueBoundTo(String... patterns) {
        return queueBoundOn("amq.topic", patterns);
    }

    /** A server-named, exclusive queue bound to {@code exchange} with each pattern. */
    public String queueBoundOn(String exchange, String... patterns) {
        try {
            String queue = channel.queueDeclare().getQueue();
            for (String pattern : patterns) {
                channel.queueBind(queue, exchange, pattern);
            }
            return queue;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to {@code millis} for a message on {@code queue}; null when none came. */
    public GetResponse take(String queue, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        try {
            do {
                GetResponse response = channel.basicGet(queue, true);
                if (response != null) {
                    return response;
                }
                Thread.sleep(20);
            } while (System.currentTimeMillis() < deadline);
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything on {@code queue} after waiting {@code millis} for stragglers. */
    public List<GetResponse> drain(String queue, long millis) {
        List<GetResponse> all = new ArrayList<>();
        GetResponse next;
        while ((next = take(queue, millis)) != null) {
            all.add(next);
        }
        return all;
    }

    /** Publishes {@code body} as is to amq.topic: what a producer that bypasses Bloodbank would send. */
    public void publish(String routingKey, AMQP.BasicProperties props, byte[] body) {
        try {
            channel.basicPublish("amq.topic", routingKey, props, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a message straight onto {@code queue} (the default exchange). */
    public void publishTo(String queue, AMQP.BasicProperties props, byte[] body) {
        try {
            channel.basicPublish("", queue, props, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ready messages on {@code queue} (unacknowledged ones not counted). */
    public int depth(String queue) {
        try (Channel own = connection.createChannel()) {
            return own.queueDeclarePassive(queue).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Consumers listening on {@code queue}; -1 when it does not exist. */
    public int consumers(String queue) {
        try (Channel own = connection.createChannel()) {
            return own.queueDeclarePassive(queue).getConsumerCount();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Whether {@code queue} exists. */
    public boolean exists(String queue) {
        try (Channel own = connection.createChannel()) {
            own.queueDeclarePassive(queue);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Deletes each queue that exists (RabbitMQ deletes a missing one silently; Qpid closes the channel: 404). */
    public void delete(String... queues) {
        for (String queue : queues) {
            if (exists(queue)) {
                try (Channel own = connection.createChannel()) {
                    own.queueDelete(queue);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Deletes an exchange the test declared. */
    public void deleteExchange(String exchange) {
        try (Channel own = connection.createChannel()) {
            own.exchangeDelete(exchange);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
