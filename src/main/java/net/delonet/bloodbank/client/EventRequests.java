package net.delonet.bloodbank.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.envelope.LocalHost;

/** Envelope requests for {@code POST /events} as the front ends build them (the service fills and checks the rest). */
public final class EventRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventRequests() {
    }

    public static ObjectNode envelope(String eventType, JsonNode payload, List<String> parents, Map<String, ?> key) {
        ObjectNode request = JSON.objectNode().put("event_type", eventType);
        request.set("payload", payload);
        if (!parents.isEmpty()) {
            parents.forEach(request.putArray("correlation_ids")::add);
        }
        if (key != null && !key.isEmpty()) {
            request.set("idempotency_key", keyNode(key));
        }
        return request;
    }

    /** {@code source}: this machine's name, how the event was triggered ({@code manual}, {@code agent}) and the app. */
    public static ObjectNode source(String triggerType, String app) {
        return JSON.objectNode().put("host", LocalHost.name(System.getenv("BLOODBANK_HOST"))).put("type", triggerType).put("app", app);
    }

    /** {@code agent_context} with the agent's type (a known one, else {@code custom}) and name. */
    public static ObjectNode agentContext(String type, String name) {
        ObjectNode context = JSON.objectNode().put("type", type);
        if (name != null) {
            context.put("name", name);
        }
        return context;
    }

    private static ObjectNode keyNode(Map<String, ?> key) {
        ObjectNode node = JSON.objectNode();
        key.forEach((k, v) -> node.set(k, v == null ? JSON.nullNode() : v instanceof Number n ? JSON.numberNode(n.longValue())
                : v instanceof Boolean b ? JSON.booleanNode(b) : JSON.textNode(v.toString())));
        return node;
    }
}
