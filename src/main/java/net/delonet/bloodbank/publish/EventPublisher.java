package net.delonet.bloodbank.publish;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.delonet.bloodbank.backend.Connecting;
import net.delonet.bloodbank.backend.RabbitConnection;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.refusal.OutcomeUnknownException;
import net.delonet.bloodbank.refusal.UnavailableException;

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
    private final Object probeLock = new Object();
    private Channel probe;

    public EventPublisher(ConnectionFactory factory, String exchange, int channelCount, long confirmTimeoutMs) {
        this.exchange = exchange;
        this.confirmTimeoutMs = confirmTimeoutMs;
        this.channels = new ConfirmChannel[channelCount];
        this.connection = new RabbitConnection(factory, "bloodbank-publisher", this::declareExchange);
        // Bounded like a confirm.
        this.connecting = new Connecting("bloodbank-publisher-connect", Duration.ofMillis(confirmTimeoutMs),
                EventPublisher::unavailable);
    }

    /**
     * Completes with whether a queue took the message (false: no binding matched), or fails with 503 or 504.
     * Never waits on the network itself: callers may be on an event loop. When the channel it would use is not
     * open, opening it (and the connection) happens on the publisher's own connecting thread.
     */
    public CompletionStage<Boolean> publish(OutgoingEvent event) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(confirmTimeoutMs);
        int slot = Math.floorMod(next.getAndIncrement(), channels.length);
        ConfirmChannel open = channels[slot];
        if (open != null && open.isOpen()) {
            return publish(open, slot, event, deadline);
        }
        return connecting.then(() -> channel(slot), channel -> publish(channel, slot, event, deadline));
    }

    /**
     * Completes when the broker confirmed; fails with 503 when it definitely did not take the event (refused, or not
     * written), and with 504 when nobody can tell (no confirm by the deadline, or the link closed while waiting).
     */
    private CompletionStage<Boolean> publish(ConfirmChannel channel, int slot, OutgoingEvent event, long deadline) {
        // Completed directly (not through a dependent stage) so callers see the ApiException itself.
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            channel.publish(exchange, event.routingKey(), properties(event), event.body())
                    .orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .whenComplete((routed, failure) -> {
                        if (failure != null) {
                            done.completeExceptionally(unconfirmed(event, failure));
                        } else {
                            done.complete(routed);
                        }
                    });
        } catch (ConfirmChannel.Retired e) {
            // Another publish broke this channel just now: this one was not written; a fresh channel takes it.
            return connecting.then(() -> channel(slot), fresh -> publish(fresh, slot, event, deadline));
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(unavailable(e));
        }
        return done;
    }

    private static ApiException unconfirmed(OutgoingEvent event, Throwable failure) {
        Throwable root = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (root instanceof java.util.concurrent.TimeoutException) {
            return new OutcomeUnknownException(event.eventId(), "RabbitMQ did not confirm the event in time", root);
        }
        if (root instanceof ConfirmChannel.ConfirmLost) {
            return new OutcomeUnknownException(event.eventId(), "The link to RabbitMQ closed before it confirmed the event", root);
        }
        return unavailable(root);
    }

    /**
     * Whether RabbitMQ answers a round trip on the publishing connection (connects when there is none). Blocks until
     * it does: callers bound it (health.RoundTrip). An open connection alone says nothing about a hung broker.
     */
    public boolean isReachable() {
        synchronized (probeLock) {
            try {
                if (probe == null || !probe.isOpen()) {
                    probe = connection.get().createChannel();
                }
                probe.exchangeDeclarePassive(exchange);
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
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
                    current = new ConfirmChannel(connection.get().createChannel(), confirmTimeoutMs);
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
        Throwable root = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (root instanceof UnavailableException u) {
            return u;
        }
        Throwable deepest = root;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String reason = root instanceof java.util.concurrent.TimeoutException ? "not connected in time"
                : deepest.getClass().getSimpleName() + (deepest.getMessage() == null ? "" : ": " + deepest.getMessage());
        return new UnavailableException("RabbitMQ is unavailable: the event was not published (" + reason + ")", root);
    }

    @Override
    public void close() throws IOException {
        connecting.close();
        connection.close();
    }
}
