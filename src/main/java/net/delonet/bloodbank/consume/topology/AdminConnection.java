package net.delonet.bloodbank.consume.topology;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import net.delonet.bloodbank.backend.RabbitConnection;
import net.delonet.bloodbank.refusal.UnavailableException;

/**
 * The broker connection for everything around consumers that is not consuming: declaring queues, writing dead
 * letters, inspecting and redriving them, replaying the archive. Opened on first use and again after a loss.
 */
public final class AdminConnection implements AutoCloseable {

    /** Work on a channel that is closed afterwards (which also returns any message it got and did not ack). */
    @FunctionalInterface
    public interface ChannelWork<T> {
        T apply(Channel channel) throws IOException, InterruptedException;
    }

    private final RabbitConnection connection;

    public AdminConnection(ConnectionFactory factory) {
        this.connection = new RabbitConnection(factory, "bloodbank-consumer-admin");
    }

    public <T> T withChannel(ChannelWork<T> work) throws IOException, InterruptedException {
        try (Channel channel = open()) {
            return work.apply(channel);
        } catch (TimeoutException e) {
            throw new IOException("Timed out closing a channel", e);
        }
    }

    /** {@link #withChannel} for an HTTP request: the broker being unreachable is a 503. */
    public <T> T forRequest(ChannelWork<T> work) {
        try {
            return withChannel(work);
        } catch (IOException e) {
            throw new UnavailableException("RabbitMQ is unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted", e);
        }
    }

    public Channel open() throws IOException {
        return connection.get().createChannel();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
