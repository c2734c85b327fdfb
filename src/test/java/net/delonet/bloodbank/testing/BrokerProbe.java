package net.delonet.bloodbank.testing;

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
        try {
            String queue = channel.queueDeclare().getQueue();
            for (String pattern : patterns) {
                channel.queueBind(queue, "amq.topic", pattern);
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

    /** Deletes a queue this test made the application declare. */
    public void deleteQueue(String queue) {
        try {
            channel.queueDelete(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
