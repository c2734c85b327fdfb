package net.delonet.bloodbank.consume.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.delonet.bloodbank.consume.pipeline.DeadLetter;
import net.delonet.bloodbank.consume.topology.AdminConnection;
import net.delonet.bloodbank.consume.topology.QueueWriter;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.envelope.JsonBody;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /dlq/{name}/redrive}: dead letters (all, or those whose event ids are given) back onto the consumer's
 * queue, unchanged but for the {@code x-bloodbank-redrives} count, so dedupe still knows them by their event id.
 * One already redriven {@code maxRedrives} times is parked on {@code <name>.parked} instead. Each message leaves
 * the dead-letter queue only once the broker confirmed it on the other queue; the rest stay where they were.
 */
public final class Redrive {

    public static final String PARKED_AT = "x-bloodbank-parked-at";
    private static final Logger LOG = LoggerFactory.getLogger(Redrive.class);

    private final Topology topology;
    private final AdminConnection broker;
    private final QueueWriter writer;
    private final int maxRedrives;

    public Redrive(Topology topology, AdminConnection broker, QueueWriter writer, int maxRedrives) {
        this.topology = topology;
        this.broker = broker;
        this.writer = writer;
        this.maxRedrives = maxRedrives;
    }

    public JsonNode redrive(@Header("name") String name, @Body byte[] body) {
        String deadLetters = DeadLetterQueues.deadLettersOf(topology, name);
        Set<String> selected = selection(JsonBody.read(body).get("event_ids"));
        ObjectNode answer = EnvelopeJson.mapper().createObjectNode().put("consumer", name);
        ArrayNode redriven = EnvelopeJson.mapper().createArrayNode();
        ArrayNode parked = EnvelopeJson.mapper().createArrayNode();
        return broker.forRequest(channel -> {
            // Only what was there when we started: a redriven message failing again at once is not taken twice.
            int depth = DeadLetterQueues.depth(channel, deadLetters);
            GetResponse next;
            long lastKept = 0;
            for (int i = 0; i < depth && (next = channel.basicGet(deadLetters, false)) != null; i++) {
                String eventId = DeadLetter.eventId(next.getProps());
                if (selected == null || selected.contains(eventId)) {
                    (move(next, name) ? parked : redriven).add(eventId);
                    channel.basicAck(next.getEnvelope().getDeliveryTag(), false);
                } else {
                    lastKept = next.getEnvelope().getDeliveryTag();
                }
            }
            // The ones not asked for go back to their places (every one still unacknowledged up to the last kept).
            if (lastKept > 0) {
                channel.basicNack(lastKept, true, true);
            }
            LOG.info("Redrove {} dead letter(s) of {} and parked {}", redriven.size(), name, parked.size());
            answer.put("redriven", redriven.size()).put("parked", parked.size())
                    // Of those there at the start (the broker's count would race the messages just given back).
                    .put("remaining", depth - redriven.size() - parked.size());
            answer.set("redriven_event_ids", redriven);
            answer.set("parked_event_ids", parked);
            return answer;
        });
    }

    /** Onto the consumer's queue, or parked when it was redriven too often; true when parked. */
    private boolean move(GetResponse message, String name) throws IOException {
        Map<String, Object> headers = message.getProps().getHeaders() == null ? Map.of() : message.getProps().getHeaders();
        int redrives = Integer.parseInt(String.valueOf(headers.getOrDefault(DeadLetter.REDRIVES, 0)));
        boolean park = redrives >= maxRedrives;
        writer.send(park ? topology.parked(name) : topology.queue(name), QueueWriter.withHeaders(message.getProps(), park
                ? Map.of(PARKED_AT, OffsetDateTime.now(ZoneOffset.UTC).toString())
                : Map.of(DeadLetter.REDRIVES, redrives + 1)), message.getBody());
        return park;
    }

    private static Set<String> selection(JsonNode eventIds) {
        if (eventIds == null || eventIds.isNull()) {
            return null;
        }
        if (!eventIds.isArray()) {
            throw ApiException.badRequest("event_ids", "event_ids must be an array of event ids");
        }
        Set<String> ids = new HashSet<>();
        eventIds.forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
