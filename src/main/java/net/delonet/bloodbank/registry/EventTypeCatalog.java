package net.delonet.bloodbank.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.delonet.bloodbank.refusal.ApiException;
import org.apache.camel.Header;

/** Answers {@code GET /events/types[/{event_type}]}: each registered type with its payload's JSON Schema. */
public final class EventTypeCatalog {

    private final EventTypeRegistry registry;

    public EventTypeCatalog(EventTypeRegistry registry) {
        this.registry = registry;
    }

    public JsonNode all() {
        ArrayNode types = JsonNodeFactory.instance.arrayNode();
        registry.all().forEach(type -> types.add(describe(type)));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("event_types", types);
        return answer.put("count", types.size());
    }

    public JsonNode one(@Header("event_type") String name) {
        return describe(registry.find(name).orElseThrow(() -> ApiException.notFound("event_type", "Event type '" + name + "' is not registered")));
    }

    private static ObjectNode describe(EventType type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("event_type", type.name())
                .put("description", type.description())
                .put("payload_type", type.payload().getName().replace('$', '.'));
        node.set("schema", JsonSchemas.of(type.payload()));
        return node;
    }
}
