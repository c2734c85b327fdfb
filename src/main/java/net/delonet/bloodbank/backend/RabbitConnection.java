package net.delonet.bloodbank.backend;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * One named connection to RabbitMQ, opened on first use and again after it was lost (Bloodbank reconnects on the
 * next use itself rather than through the client's automatic recovery), and closed with its owner.
 */
public final class RabbitConnection implements AutoCloseable {

    /** What to do on every newly opened connection, before anybody uses it (declare an exchange, ...). */
    @FunctionalInterface
    public interface OnOpen {
        void accept(Connection opened) throws IOException;
    }

    private final ConnectionFactory factory;
    private final String name;
    private final OnOpen onOpen;
    private Connection connection;

    public RabbitConnection(ConnectionFactory factory, String name, OnOpen onOpen) {
        this.factory = factory;
        this.name = name;
        this.onOpen = onOpen;
    }

    public RabbitConnection(ConnectionFactory factory, String name) {
        this(factory, name, opened -> { });
    }

    /** The open connection, opened now if there is none. */
    public synchronized Connection get() throws IOException {
        if (connection == null || !connection.isOpen()) {
            try {
                connection = factory.newConnection(name);
            } catch (TimeoutException e) {
                throw new IOException("Timed out connecting to RabbitMQ", e);
            }
            onOpen.accept(connection);
        }
        return connection;
    }

    @Override
    public synchronized void close() throws IOException {
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
    }
}
