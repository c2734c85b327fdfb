package net.delonet.bloodbank.live;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.delonet.bloodbank.backend.RabbitConnection;

/**
 * Live listeners on the exchange: each gets its own server-named, exclusive, auto-delete queue bound with its
 * pattern, so it sees every matching event from the moment it listens and the broker deletes the queue as soon
 * as the listener closes (or the service goes away). Auto-ack: a slow listener drops events, it never backs up the bus.
 */
public final class EventListeners implements AutoCloseable {

    private final RabbitConnection connection;
    private final String exchange;

    public EventListeners(ConnectionFactory factory, String exchange) {
        this.connection = new RabbitConnection(factory, "bloodbank-listeners");
        this.exchange = exchange;
    }

    /** Binds a new queue; {@code ready} gets its name before the first event; {@code lost} runs if the broker drops it. */
    public Listener listen(String pattern, Consumer<String> ready, Consumer<LiveEvent> onEvent, Runnable lost) throws IOException {
        Channel channel = connection.get().createChannel();
        try {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, pattern);
            ready.accept(queue);
            channel.addShutdownListener(cause -> {
                if (!cause.isInitiatedByApplication()) {
                    lost.run();
                }
            });
            channel.basicConsume(queue, true, (tag, delivery) -> onEvent.accept(new LiveEvent(
                    delivery.getEnvelope().getRoutingKey(), delivery.getProperties().getMessageId(), delivery.getBody())),
                    tag -> lost.run());
            return new Listener(channel, queue);
        } catch (IOException | RuntimeException e) {
            new Listener(channel, null).close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    /** One listener's queue; closing its channel cancels the consumer, and the broker deletes the queue. */
    public record Listener(Channel channel, String queue) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
            } catch (IOException | TimeoutException | RuntimeException e) {
                // the channel or connection is already gone, and the queue with it
            }
        }
    }
}
