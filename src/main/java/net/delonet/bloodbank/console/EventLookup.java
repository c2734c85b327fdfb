package net.delonet.bloodbank.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.delonet.bloodbank.consume.topology.AdminConnection;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.correlation.CorrelationStore;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.live.RecentEvents;
import org.apache.camel.Header;

/**
 * {@code GET /debug/events/{event_id}}: an event's envelope. Envelopes are not stored in Redis (only causation is), so
 * it is looked for among the events this service published recently (memory), then in the archive stream, read from
 * a little before the time its causation was recorded: the event is among the first messages from there, so the read
 * is short, and bounded in time all the same.
 */
public final class EventLookup {

    /** How far before the recorded time the archive is read: the record is written just before the publish. */
    private static final Duration EARLIER = Duration.ofSeconds(2);

    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Supplier<RecentEvents> recent;
    private final Supplier<CorrelationStore> store;
    private final Supplier<Topology> topology;
    private final AdminConnection broker;
    private final Duration scanFor;

    public EventLookup(Supplier<RecentEvents> recent, Supplier<CorrelationStore> store, Supplier<Topology> topology,
            AdminConnection broker, Duration scanFor) {
        this.recent = recent;
        this.store = store;
        this.topology = topology;
        this.broker = broker;
        this.scanFor = scanFor;
    }

    public JsonNode find(@Header("event_id") String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId == null ? "" : eventId);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("event_id", "event_id must be a UUID");
        }
        ObjectNode answer = EnvelopeJson.mapper().createObjectNode().put("event_id", id.toString());
        EventEnvelope kept = recent.get().find(id);
        if (kept != null) {
            answer.put("found_in", "recent").set("envelope", EnvelopeJson.mapper().valueToTree(kept));
            return answer;
        }
        String record = store.get().forward(id.toString());
        JsonNode archived = record == null || !topology.get().archives() ? null : fromArchive(id.toString(), recordedAt(record));
        if (archived == null) {
            throw ApiException.notFound("event_id", "The envelope of event " + id + " is neither among the recent events nor in the archive");
        }
        answer.put("found_in", "archive").set("envelope", archived);
        return answer;
    }

    private JsonNode fromArchive(String id, OffsetDateTime recordedAt) {
        if (recordedAt == null) {
            return null;
        }
        return broker.forRequest(channel -> scan(channel, id, recordedAt.minus(EARLIER)));
    }

    private JsonNode scan(Channel channel, String id, OffsetDateTime from) throws IOException, InterruptedException {
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        channel.basicQos(500);
        // Streams want manual acks (with a prefetch); the channel closes after the read, and the consumer with it.
        channel.basicConsume(topology.get().archive(), false, Map.of("x-stream-offset", Date.from(from.toInstant())),
                (tag, delivery) -> deliveries.add(delivery), tag -> { });
        long deadline = System.nanoTime() + scanFor.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            // A second without a message: the stream has been read to its end.
            Delivery next = deliveries.poll(Math.min(left, IDLE.toNanos()), TimeUnit.NANOSECONDS);
            if (next == null) {
                return null;
            }
            channel.basicAck(next.getEnvelope().getDeliveryTag(), false);
            if (id.equals(next.getProperties().getMessageId())) {
                return EnvelopeJson.mapper().readTree(next.getBody());
            }
        }
        return null;
    }

    private static OffsetDateTime recordedAt(String record) {
        try {
            return OffsetDateTime.parse(EnvelopeJson.mapper().readTree(record).path("created_at").asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
