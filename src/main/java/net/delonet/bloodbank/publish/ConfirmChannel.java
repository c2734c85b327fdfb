package net.delonet.bloodbank.publish;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * One channel in confirm mode and the publishes it has not heard back about, by delivery tag.
 * RabbitMQ sends basic.return (unroutable, mandatory) before the basic.ack of the same message,
 * so an ack can tell whether its message was routed.
 */
final class ConfirmChannel {

    private static final long RETURN_GRACE_MS = 200;

    /** The channel closed while the broker still owed this publish a confirm: it may or may not have taken it. */
    static final class ConfirmLost extends IOException {
        ConfirmLost(Throwable cause) {
            super("The channel closed before the broker confirmed the message", cause);
        }
    }

    /** The channel was retired after a failed publish before this one was written: publish it on another channel. */
    static final class Retired extends IOException {
        Retired() {
            super("The channel was retired after a failed publish");
        }
    }

    private record Pending(String messageId, CompletableFuture<Boolean> routed) {
    }

    private final Channel channel;
    private final long drainMs;
    private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private volatile boolean retired;

    /** {@code drainMs}: how long a retired channel stays open for the confirms it is still owed. */
    ConfirmChannel(Channel channel, long drainMs) throws IOException {
        this.channel = channel;
        this.drainMs = drainMs;
        channel.confirmSelect();
        channel.addReturnListener(ret -> returned.add(String.valueOf(ret.getProperties().getMessageId())));
        channel.addConfirmListener((tag, multiple) -> settle(tag, multiple, null),
                (tag, multiple) -> settle(tag, multiple, new IOException("The broker refused (nack) the message")));
        channel.addShutdownListener(cause -> failAll(new ConfirmLost(cause)));
    }

    boolean isOpen() {
        return !retired && channel.isOpen();
    }

    /** Throws when the message was not published: then nothing of it reached the broker. */
    CompletableFuture<Boolean> publish(String exchange, String routingKey, AMQP.BasicProperties props, byte[] body)
            throws IOException {
        CompletableFuture<Boolean> routed = new CompletableFuture<>();
        synchronized (channel) {
            if (retired) {
                throw new Retired();
            }
            long tag = channel.getNextPublishSeqNo();
            pending.put(tag, new Pending(props.getMessageId(), routed));
            try {
                channel.basicPublish(exchange, routingKey, true, props, body);
            } catch (IOException | RuntimeException e) {
                pending.remove(tag);
                retire();
                throw e;
            }
        }
        return routed;
    }

    /**
     * A publish that failed mid-way leaves the channel's sequence numbers ahead of the broker's (the client counted a
     * message the broker never got), so later acks would settle the wrong publishes. The channel takes no more
     * publishes; the ones written before the failure still get their (correctly numbered) confirms, then it closes.
     */
    private void retire() {
        retired = true;
        CompletableFuture.delayedExecutor(drainMs, TimeUnit.MILLISECONDS).execute(() -> {
            try {
                channel.abort();
            } catch (IOException | RuntimeException ignored) {
                // closing is all that is left to do
            }
        });
    }

    private void settle(long tag, boolean multiple, Exception failure) {
        Map<Long, Pending> done = multiple ? pending.headMap(tag, true) : pending.subMap(tag, true, tag, true);
        for (Pending p : done.values()) {
            if (failure == null) {
                p.routed().complete(!returned.remove(p.messageId()));
            } else {
                // Qpid Broker-J nacks an unroutable mandatory message and returns it right after (RabbitMQ
                // returns, then acks): a nack followed by its return means "handled, no queue", not a failure.
                CompletableFuture.delayedExecutor(RETURN_GRACE_MS, TimeUnit.MILLISECONDS).execute(() -> {
                    if (returned.remove(p.messageId())) {
                        p.routed().complete(false);
                    } else {
                        p.routed().completeExceptionally(failure);
                    }
                });
            }
        }
        done.clear();
    }

    private void failAll(Exception cause) {
        pending.values().forEach(p -> p.routed().completeExceptionally(cause));
        pending.clear();
        returned.clear();
    }
}
