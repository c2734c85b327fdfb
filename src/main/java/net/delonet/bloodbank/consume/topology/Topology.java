package net.delonet.bloodbank.consume.topology;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

/**
 * Every queue around consumers, named and declared in this one place. With the default prefix {@code bloodbank.}:
 * <ul>
 * <li>{@code bloodbank.<name>}: the consumer's durable queue (classic or quorum), bound to the exchange with its patterns;
 * <li>{@code bloodbank.<name>.dlq}: messages it gave up on, each with why; {@code bloodbank.<name>.parked}: dead
 * letters redriven too often, kept out of the way;
 * <li>{@code bloodbank.archive}: a stream bound to {@code #}, every published event, kept by age and size.
 * </ul>
 * Declaring is idempotent. A consumer's queues are declared when its route starts and, like the archive, again on
 * every new consumer connection (Spring AMQP calls {@link #onCreate}), so a broker that was away gets them back.
 */
public final class Topology implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(Topology.class);

    /** Retention drops whole segments: small ones keep the archive close to its size limit. */
    private static final long ARCHIVE_SEGMENT_BYTES = 50_000_000L;

    private final AdminConnection broker;
    private final String exchange;
    private final String prefix;
    private final String queueType;
    private final ArchiveRetention archive;
    private final SortedMap<String, List<String>> consumers = new ConcurrentSkipListMap<>();

    /** How long and how much the archive keeps (x-max-age like {@code 7D}, x-max-length-bytes); null: no archive. */
    public record ArchiveRetention(String maxAge, long maxBytes) {
    }

    /** {@code queueType} classic or quorum, null for the broker's own (the embedded one has no such choice). */
    public Topology(AdminConnection broker, String exchange, String prefix, String queueType, ArchiveRetention archive) {
        this.broker = broker;
        this.exchange = exchange;
        this.prefix = prefix;
        this.queueType = queueType;
        this.archive = archive;
    }

    public String queue(String consumer) {
        return prefix + consumer;
    }

    public String deadLetters(String consumer) {
        return queue(consumer) + ".dlq";
    }

    public String parked(String consumer) {
        return queue(consumer) + ".parked";
    }

    public String archive() {
        return prefix + "archive";
    }

    public boolean archives() {
        return archive != null;
    }

    /** Consumers declared by this application: name → binding patterns. */
    public Map<String, List<String>> consumers() {
        return consumers;
    }

    public boolean hasConsumer(String name) {
        return consumers.containsKey(name);
    }

    /** Declares a consumer's queues; patterns it had before in this run (a route reloaded in dev mode) are unbound. */
    public void declareConsumer(String name, List<String> patterns) throws IOException, InterruptedException {
        List<String> before = consumers.put(name, List.copyOf(patterns));
        List<String> removed = before == null ? List.of() : before.stream().filter(p -> !patterns.contains(p)).toList();
        broker.withChannel(channel -> {
            declareConsumer(channel, name, patterns);
            for (String pattern : removed) {
                channel.queueUnbind(queue(name), exchange, pattern);
            }
            return null;
        });
        if (!removed.isEmpty()) {
            LOG.info("Consumer {} no longer bound with {}", name, removed);
        }
        LOG.info("Consumer {} reads {} ({}) bound to {} with {}", name, queue(name),
                queueType == null ? "the broker's queue type" : queueType, exchange, patterns);
    }

    /** Declares a known consumer's queues again (one was deleted under it). */
    public void redeclare(String name) throws IOException, InterruptedException {
        declareConsumer(name, consumers.getOrDefault(name, List.of()));
    }

    /** The exchange (unless it is a broker's own amq.*) and the archive stream. */
    public void declareShared() throws IOException, InterruptedException {
        broker.withChannel(channel -> {
            declareShared(channel);
            return null;
        });
    }

    @Override
    public void onCreate(Connection connection) {
        try (Channel channel = connection.createChannel(false)) {
            declareShared(channel);
            for (Map.Entry<String, List<String>> consumer : consumers.entrySet()) {
                declareConsumer(channel, consumer.getKey(), consumer.getValue());
            }
        } catch (Exception e) {
            LOG.error("Could not declare the consumer queues on a new broker connection: {}", e.toString());
        }
    }

    private void declareShared(Channel channel) throws IOException {
        declareExchange(channel);
        if (archive != null) {
            channel.queueDeclare(archive(), true, false, false, Map.of("x-queue-type", "stream",
                    "x-max-age", archive.maxAge(), "x-max-length-bytes", archive.maxBytes(),
                    "x-stream-max-segment-size-bytes", Math.min(ARCHIVE_SEGMENT_BYTES, archive.maxBytes())));
            channel.queueBind(archive(), exchange, "#");
        }
    }

    private void declareExchange(Channel channel) throws IOException {
        if (!exchange.startsWith("amq.")) {
            channel.exchangeDeclare(exchange, "topic", true);
        }
    }

    private void declareConsumer(Channel channel, String name, List<String> patterns) throws IOException {
        declareExchange(channel);
        Map<String, Object> args = queueType == null ? Map.of() : Map.of("x-queue-type", queueType);
        channel.queueDeclare(queue(name), true, false, false, args);
        for (String pattern : patterns) {
            channel.queueBind(queue(name), exchange, pattern);
        }
        channel.queueDeclare(deadLetters(name), true, false, false, args);
        channel.queueDeclare(parked(name), true, false, false, args);
    }
}
