package net.delonet.bloodbank.envelope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Envelope requests made in Java (webhooks, the file watcher, consumers' handlers and failures): the route that made
 * one publishes it with {@code to: direct:publish}, the same route as the HTTP API's, so every event is checked,
 * recorded and confirmed the same way, and {@code grep direct:publish routes/} lists every producer.
 */
public final class EnvelopeRequests {

    private static final ObjectMapper JSON = EnvelopeJson.mapper();

    private EnvelopeRequests() {
    }

    /** An envelope request: event type, payload (a record or a JSON object), parents in order, and a source. */
    public static ObjectNode request(String eventType, Object payload, List<UUID> parents, Source source) {
        ObjectNode request = JSON.createObjectNode().put("event_type", eventType);
        request.set("payload", JSON.valueToTree(payload));
        parents.forEach(parent -> request.withArrayProperty("correlation_ids").add(parent.toString()));
        if (source != null) {
            request.set("source", JSON.valueToTree(source));
        }
        return request;
    }

    /** Derives the event id from {@code key} (see EventIds), so republishing the same thing is idempotent. */
    public static ObjectNode withKey(ObjectNode request, Map<String, ?> key) {
        request.set("idempotency_key", JSON.valueToTree(key));
        return request;
    }
}
