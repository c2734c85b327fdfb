package net.delonet.bloodbank.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tool input schemas; publish_event's carries each registered type's payload schema from {@code GET /events/types}. */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    /** An object schema; {@code properties} alternate name and property schema; names ending in {@code !} are required. */
    static ObjectNode object(Object... properties) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (int i = 0; i < properties.length; i += 2) {
            String name = (String) properties[i];
            if (name.endsWith("!")) {
                name = name.substring(0, name.length() - 1);
                required.add(name);
            }
            props.set(name, (JsonNode) properties[i + 1]);
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    static ObjectNode of(String type, String description) {
        return JSON.createObjectNode().put("type", type).put("description", description);
    }

    static ObjectNode strings(String description) {
        ObjectNode array = of("array", description);
        array.putObject("items").put("type", "string");
        return array;
    }

    /** publish_event: any event type, and for each registered one its payload schema (JSON Schema if/then). */
    static ObjectNode publish(JsonNode eventTypes) {
        List<String> names = new ArrayList<>();
        eventTypes.path("event_types").forEach(t -> names.add(t.path("event_type").asText()));
        ObjectNode schema = object(
                "event_type!", of("string", "namespace.entity.action, lowercase. Registered: " + String.join(", ", names)
                        + ". Other well-formed types are accepted with any object payload.")
                        .put("pattern", "^[a-z0-9_-]+(\\.[a-z0-9_-]+)+$"),
                "payload!", of("object", "The event's payload; for a registered type it must match that type's schema"),
                "parents", strings("Ids of the events that caused this one (correlation_ids), in order"),
                "correlation_id", of("string", "One parent's id, as the older single-parent form; parents wins when both are given"),
                "idempotency_key", of("object", "Key/value pairs: the same pairs for the same type give the same event id"));
        if (names.isEmpty()) {
            // without the registry (the service was away at start) there is no case; an empty allOf is invalid
            return schema;
        }
        ArrayNode cases = schema.putArray("allOf");
        for (JsonNode type : eventTypes.path("event_types")) {
            ObjectNode payload = type.path("schema").deepCopy();
            payload.remove("$schema");
            ObjectNode when = cases.addObject();
            when.putObject("if").putObject("properties").putObject("event_type").put("const", type.path("event_type").asText());
            when.withObject("/if").putArray("required").add("event_type");
            when.putObject("then").putObject("properties").set("payload", payload);
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(ObjectNode schema) {
        return JSON.convertValue(schema, Map.class);
    }
}
