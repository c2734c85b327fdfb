package net.delonet.bloodbank.consume.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.delonet.bloodbank.consume.pipeline.DeadLetter;
import net.delonet.bloodbank.consume.pipeline.Delivery;
import net.delonet.bloodbank.consume.topology.AdminConnection;
import net.delonet.bloodbank.consume.topology.QueueWriter;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.live.TopicPattern;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /replay}: reads the archive stream from {@code since} and puts every event whose routing key matches
 * {@code pattern} and whose timestamp lies in [since, until) onto the consumer's queue, unchanged (same event id,
 * so the consumer's dedupe decides whether it is new). Only events the consumer is bound to: what the broker would
 * never have routed to it, it cannot handle (another payload type); those are counted as skipped. Bounded: it stops once it has read the whole stream (nothing
 * arrives for {@code idleMs}), after {@code maxEvents} replayed, or after {@code maxDuration}; the answer says which.
 */
public final class ArchiveReplay {

    public static final String REPLAYED_AT = "x-bloodbank-replayed-at";
    private static final int PREFETCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveReplay.class);

    private final EventTypeRegistry types;
    private final Topology topology;
    private final AdminConnection broker;
    private final QueueWriter writer;
    private final ReplayLimits limits;

    /** How long a replay may take, how many events it replays at most, and how long a quiet stream means its end. */
    public record ReplayLimits(long maxDurationMs, int maxEvents, long idleMs) {
    }

    public ArchiveReplay(Topology topology, AdminConnection broker, QueueWriter writer, ReplayLimits limits,
            EventTypeRegistry types) {
        this.types = types;
        this.topology = topology;
        this.broker = broker;
        this.writer = writer;
        this.limits = limits;
    }

    public JsonNode replay(@Body byte[] body) {
        ReplayRequest request = ReplayRequest.read(body, limits.maxEvents());
        if (!topology.archives()) {
            throw ApiException.notFound("consumer", "The archive is off (ARCHIVE_ENABLED=false): there is nothing to replay");
        }
        if (!topology.hasConsumer(request.consumer())) {
            throw ApiException.notFound("consumer", "No consumer named '" + request.consumer() + "'");
        }
        ObjectNode answer = EnvelopeJson.mapper().valueToTree(request);
        answer.put("queue", topology.queue(request.consumer()));
        TopicPattern.misleadingStar(request.pattern(), types.names())
                .ifPresent(warning -> answer.putArray("warnings").add(warning));
        return broker.forRequest(channel -> {
            Counts counts = replay(channel, request);
            LOG.info("Replayed {} of {} archived event(s) matching {} to {}, skipped {} it is not bound to ({})",
                    counts.replayed, counts.scanned, request.pattern(), request.consumer(), counts.skipped, counts.stoppedBy);
            return answer.put("scanned", counts.scanned).put("replayed", counts.replayed).put("skipped", counts.skipped)
                    .put("stopped_by", counts.stoppedBy);
        });
    }

    private static final class Counts {
        int scanned;
        int replayed;
        int skipped;
        String stoppedBy = "end_of_archive";
    }

    private Counts replay(Channel channel, ReplayRequest request) throws IOException, InterruptedException {
        BlockingQueue<com.rabbitmq.client.Delivery> deliveries = new LinkedBlockingQueue<>();
        channel.basicQos(PREFETCH);
        // Streams start where asked: x-stream-offset as a timestamp is the first chunk written at or after it.
        channel.basicConsume(topology.archive(), false, Map.of("x-stream-offset", Date.from(request.since().toInstant())),
                (tag, delivery) -> deliveries.add(delivery), tag -> { });
        long deadline = System.currentTimeMillis() + limits.maxDurationMs();
        Counts counts = new Counts();
        List<String> bindings = topology.consumers().getOrDefault(request.consumer(), List.of());
        while (true) {
            long wait = Math.min(limits.idleMs(), deadline - System.currentTimeMillis());
            com.rabbitmq.client.Delivery next = wait > 0 ? deliveries.poll(wait, TimeUnit.MILLISECONDS) : null;
            if (next == null) {
                counts.stoppedBy = System.currentTimeMillis() >= deadline ? "time_limit" : counts.stoppedBy;
                return counts;
            }
            counts.scanned++;
            channel.basicAck(next.getEnvelope().getDeliveryTag(), false);
            String routingKey = next.getEnvelope().getRoutingKey();
            if (!TopicPattern.matches(request.pattern(), routingKey) || !request.covers(timestamp(next.getBody()))) {
                continue;
            }
            if (bindings.stream().noneMatch(binding -> TopicPattern.matches(binding, routingKey))) {
                counts.skipped++;
                continue;
            }
            writer.send(topology.queue(request.consumer()), QueueWriter.withHeaders(next.getProperties(), Map.of(
                    DeadLetter.ROUTING_KEY, routingKey,
                    REPLAYED_AT, OffsetDateTime.now(ZoneOffset.UTC).toString())), next.getBody());
            if (++counts.replayed >= request.limit()) {
                counts.stoppedBy = "limit";
                return counts;
            }
        }
    }

    private static OffsetDateTime timestamp(byte[] envelope) {
        try {
            JsonNode timestamp = EnvelopeJson.mapper().readTree(envelope).get("timestamp");
            return timestamp == null ? null : OffsetDateTime.parse(timestamp.asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
