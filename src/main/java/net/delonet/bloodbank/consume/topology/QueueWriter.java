package net.delonet.bloodbank.consume.topology;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Puts a message straight onto a named queue (the default exchange) and returns once the broker confirmed it:
 * dead letters, redrives, parked messages and replays. Mandatory, so a queue that does not exist is an error
 * rather than a silently dropped message. Messages keep their properties; callers add headers.
 */
public final class QueueWriter {

    private final AdminConnection broker;
    private final long confirmTimeoutMs;
    private Channel channel;
    private volatile boolean returned;

    public QueueWriter(AdminConnection broker, long confirmTimeoutMs) {
        this.broker = broker;
        this.confirmTimeoutMs = confirmTimeoutMs;
    }

    public synchronized void send(String queue, AMQP.BasicProperties props, byte[] body) throws IOException {
        Channel confirming = channel();
        returned = false;
        confirming.basicPublish("", queue, true, props, body);
        try {
            confirming.waitForConfirmsOrDie(confirmTimeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted waiting for the broker's confirm", e);
        } catch (TimeoutException e) {
            throw new IOException("No confirm from the broker in " + confirmTimeoutMs + " ms", e);
        }
        // The broker sends basic.return before the confirm of the same message.
        if (returned) {
            throw new IOException("Queue " + queue + " does not exist: the message was not stored");
        }
    }

    /** {@code props} with {@code headers} added (replacing headers of the same name). */
    public static AMQP.BasicProperties withHeaders(AMQP.BasicProperties props, Map<String, Object> headers) {
        Map<String, Object> merged = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
        merged.putAll(headers);
        return props.builder().headers(merged).build();
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = broker.open();
            channel.confirmSelect();
            channel.addReturnListener(ret -> returned = true);
        }
        return channel;
    }
}
