package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EnvelopeRequests;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.events.FirefliesEvents;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step for an authenticated {@code POST /webhooks/fireflies}: each transcript the call announces becomes the
 * envelope request of a {@code fireflies.transcript.completed} (the body, a list, for the route to publish), parent =
 * the upload event named by {@code clientReferenceId}, id derived from the transcript id, so Fireflies' retries
 * publish the same event and the consumer that fetches the transcript handles it once. Nothing is fetched here:
 * the answer (property {@link #ANSWER}) says at once what became of each.
 */
public final class FirefliesWebhook implements Processor {

    public static final String COMPLETED = "fireflies.transcript.completed";
    /** Exchange property: the answer, {@code {"events": [{meeting_id, event_id, event_type, status}]}}. */
    public static final String ANSWER = "firefliesAnswer";
    static final Source FIREFLIES = new Source("fireflies.ai", TriggerType.HOOK, "fireflies", null);

    @Override
    public void process(Exchange exchange) {
        ObjectNode answer = EnvelopeJson.mapper().createObjectNode();
        ArrayNode events = answer.putArray("events");
        List<ObjectNode> requests = new ArrayList<>();
        for (FirefliesDelivery delivery : FirefliesDelivery.read(exchange.getMessage().getBody(byte[].class))) {
            ObjectNode result = events.addObject().put("meeting_id", delivery.meetingId());
            if (!delivery.completed()) {
                result.put("status", "ignored");
                continue;
            }
            Map<String, String> key = Map.of("transcript_id", delivery.meetingId());
            result.put("event_id", EventIds.deterministic(COMPLETED, key).toString()).put("event_type", COMPLETED)
                    .put("status", "accepted");
            FirefliesEvents.Completed payload = new FirefliesEvents.Completed(delivery.meetingId(),
                    delivery.clientReferenceId(), delivery.transcript());
            requests.add(EnvelopeRequests.withKey(EnvelopeRequests.request(COMPLETED, payload, delivery.parents(), FIREFLIES), key));
        }
        exchange.setProperty(ANSWER, answer);
        exchange.getMessage().setBody(requests);
    }
}
