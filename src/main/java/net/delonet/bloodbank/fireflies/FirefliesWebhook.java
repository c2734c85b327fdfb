package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.publish.EventBus;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step for an authenticated {@code POST /webhooks/fireflies}: fetches each announced transcript (unless the
 * call carried it) and publishes {@code fireflies.transcript.ready}, parent = the upload event named by
 * {@code clientReferenceId}, id derived from the transcript id. A transcript already published (Fireflies retrying)
 * is not published again. Answers 200 with what happened to each.
 */
public final class FirefliesWebhook implements Processor {

    public static final String READY = "fireflies.transcript.ready";
    private static final Logger LOG = LoggerFactory.getLogger(FirefliesWebhook.class);
    private static final Source FIREFLIES = new Source("fireflies.ai", TriggerType.HOOK, "fireflies", null);

    private final FirefliesApi api;
    private final EventBus bus;
    private final Predicate<UUID> published;

    /** {@code published}: whether an event id was published already (known to the correlation store). */
    public FirefliesWebhook(FirefliesApi api, EventBus bus, Predicate<UUID> published) {
        this.api = api;
        this.bus = bus;
        this.published = published;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ObjectNode answer = EnvelopeJson.mapper().createObjectNode();
        ArrayNode events = answer.putArray("events");
        for (FirefliesDelivery delivery : FirefliesDelivery.read(exchange.getMessage().getBody(byte[].class))) {
            events.add(handle(delivery));
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(EnvelopeJson.mapper().writeValueAsBytes(answer));
    }

    private ObjectNode handle(FirefliesDelivery delivery) {
        ObjectNode result = EnvelopeJson.mapper().createObjectNode().put("meeting_id", delivery.meetingId());
        if (!delivery.completed()) {
            return result.put("status", "ignored");
        }
        Map<String, String> key = Map.of("transcript_id", String.valueOf(delivery.meetingId()));
        UUID eventId = EventIds.deterministic(READY, key);
        result.put("event_id", eventId.toString());
        if (published.test(eventId)) {
            LOG.info("Fireflies transcript {} already published as {}: nothing published again", delivery.meetingId(), eventId);
            return result.put("status", "duplicate");
        }
        var transcript = delivery.transcript() != null ? delivery.transcript() : api.transcript(delivery.meetingId());
        bus.publish(EventBus.withKey(EventBus.request(READY, TranscriptMapping.ready(transcript), delivery.parents(), FIREFLIES), key));
        LOG.info("Fireflies transcript {} published as {} {} (parent {})", delivery.meetingId(), READY, eventId, delivery.parents());
        return result.put("status", "published");
    }
}
