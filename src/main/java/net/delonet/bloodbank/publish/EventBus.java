package net.delonet.bloodbank.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.Source;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Publishing from Java code (webhooks, the file watcher, consumers, the MCP server): builds the envelope
 * request and sends it through the same {@code direct:publish} route as the HTTP API, so every event is
 * checked, recorded and confirmed the same way. Failures surface as the route's exception (ApiException).
 */
public final class EventBus {

    private static final ObjectMapper JSON = EnvelopeJson.mapper();

    private final ProducerTemplate template;

    public EventBus(ProducerTemplate template) {
        this.template = template;
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

    /** Publishes and returns the 202 answer ({@code event_id}, {@code routed}, …) once the broker confirmed. */
    public JsonNode publish(ObjectNode request) {
        Exchange done = template.request("direct:publish", exchange -> exchange.getMessage().setBody(request));
        if (done.getException() != null) {
            if (done.getException() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(done.getException());
        }
        try {
            return JSON.readTree(done.getMessage().getBody(byte[].class));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable publish answer", e);
        }
    }
}
