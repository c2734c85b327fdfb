package net.delonet.bloodbank.publish;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.delonet.bloodbank.config.Connecting;
import net.delonet.bloodbank.config.RabbitConnection;
import net.delonet.bloodbank.http.UnavailableException;

/**
 * Publishes envelopes to the topic exchange: persistent, mandatory, and complete only when the broker confirmed.
 * Confirms are asynchronous: a few channels in confirm mode take publishes round-robin and complete each
 * publish's future from the broker's ack, so no thread waits on a confirm.
 */
public final class EventPublisher implements AutoCloseable {

    private final String exchange;
    private final long confirmTimeoutMs;
    private final ConfirmChannel[] channels;
    private final AtomicInteger next = new AtomicInteger();
    private final RabbitConnection connection;
    private final Connecting connecting;

    public EventPublisher(ConnectionFactory factory, String exchange, int channelCount, long confirmTimeoutMs) {
        this.exchange = exchange;
        this.confirmTimeoutMs = confirmTimeoutMs;
        this.channels = new ConfirmChannel[channelCount];
        this.connection = new RabbitConnection(() -> factory, "bloodbank-publisher", this::declareExchange);
        // Bounded like a confirm.
        this.connecting = new Connecting("bloodbank-publisher-connect", Duration.ofMillis(confirmTimeoutMs),
                EventPublisher::unavailable);
    }

    /**
     * Completes with whether a queue took the message (false: no binding matched), or fails with 503.
     * Never waits on the network itself: callers may be on an event loop. When the channel it would use is not
     * open, opening it (and the connection) happens on the publisher's own connecting thread.
     */
    public CompletionStage<Boolean> publish(OutgoingEvent event) {
        int slot = Math.floorMod(next.getAndIncrement(), channels.length);
        ConfirmChannel open = channels[slot];
        if (open != null && open.isOpen()) {
            return publish(open, event);
        }
        return connecting.then(() -> channel(slot), channel -> publish(channel, event));
    }

    private CompletionStage<Boolean> publish(ConfirmChannel channel, OutgoingEvent event) {
        // Completed directly (not through a dependent stage) so callers see the UnavailableException itself.
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            channel.publish(exchange, event.routingKey(), properties(event), event.body())
                    .orTimeout(confirmTimeoutMs, TimeUnit.MILLISECONDS)
                    .whenComplete((routed, failure) -> {
                        if (failure != null) {
                            done.completeExceptionally(unavailable(failure));
                        } else {
                            done.complete(routed);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(unavailable(e));
        }
        return done;
    }

    /** Whether RabbitMQ answers: connects when there is no open connection. */
    public boolean isReachable() {
        try {
            return connection.get().isOpen();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static AMQP.BasicProperties properties(OutgoingEvent event) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(event.eventId())
                .correlationId(event.firstParent())
                .timestamp(new Date(event.timestampSeconds() * 1000L))
                .type(event.routingKey())
                .appId(event.appId())
                .build();
    }

    private ConfirmChannel channel(int slot) throws IOException {
        ConfirmChannel current = channels[slot];
        if (current == null || !current.isOpen()) {
            synchronized (this) {
                current = channels[slot];
                if (current == null || !current.isOpen()) {
                    current = new ConfirmChannel(connection.get().createChannel());
                    channels[slot] = current;
                }
            }
        }
        return current;
    }

    /** A named exchange of the user's is declared (durable topic); the broker's own amq.* ones always exist. */
    private void declareExchange(Connection open) throws IOException {
        if (!exchange.startsWith("amq.")) {
            try (Channel channel = open.createChannel()) {
                channel.exchangeDeclare(exchange, "topic", true);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException(e);
            }
        }
    }

    private static UnavailableException unavailable(Throwable failure) {
        Throwable root = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (root instanceof UnavailableException u) {
            return u;
        }
        Throwable deepest = root;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String reason = root instanceof java.util.concurrent.TimeoutException ? "no confirm in time"
                : deepest.getClass().getSimpleName() + (deepest.getMessage() == null ? "" : ": " + deepest.getMessage());
        return new UnavailableException("RabbitMQ is unavailable: the event was not confirmed (" + reason + ")", root);
    }

    @Override
    public void close() throws IOException {
        connecting.close();
        connection.close();
    }
}
