package net.delonet.bloodbank.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.delonet.bloodbank.client.BloodbankClient;

/** The read and repair tools: causation, event types, recent events, dead letters; each one call to the HTTP API. */
final class QueryTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryTools() {
    }

    static List<SyncToolSpecification> specs(Function<McpSyncServerExchange, BloodbankClient> client) {
        return List.of(
                tool(client, "get_correlation_chain", "The chain of event ids around an event: ancestors (what led to it, roots"
                        + " first) or descendants (what it caused, breadth-first), a page at a time.", Schemas.object(
                        "event_id!", Schemas.of("string", "An event id (UUID)"),
                        "direction", Schemas.of("string", "ancestors (default) or descendants").set("enum",
                                JSON.arrayNode().add("ancestors").add("descendants")),
                        "limit", Schemas.of("integer", PAGE_LIMIT), "cursor", Schemas.of("string", PAGE_CURSOR)),
                        (api, args) -> api.get("/debug/correlation/" + id(args) + "/chain?direction="
                                + BloodbankClient.encode(args.text("direction", "ancestors")) + "&" + page(args))),
                tool(client, "debug_correlation", "Everything recorded about an event's causation: parents, children,"
                        + " ancestors, descendants (children and descendants a page at a time), metadata (event type,"
                        + " source app).", Schemas.object("event_id!", Schemas.of("string", "An event id (UUID)"),
                        "limit", Schemas.of("integer", PAGE_LIMIT), "cursor", Schemas.of("string", PAGE_CURSOR)),
                        (api, args) -> api.get("/debug/correlation/" + id(args) + "?" + page(args))),
                tool(client, "list_event_types", "The registered event types with a line of description each.",
                        Schemas.object(), (api, args) -> summary(api.get("/events/types"))),
                tool(client, "get_event_schema", "The JSON Schema of an event type's payload.",
                        Schemas.object("event_type!", Schemas.of("string", "e.g. agent.thread.prompt")),
                        (api, args) -> api.get("/events/types/" + BloodbankClient.encode(args.text("event_type")))),
                tool(client, "recent_events", "The newest events published through Bloodbank (the service keeps the last"
                        + " few hundred in memory), oldest first.", Schemas.object(
                        "pattern", Schemas.of("string", "Routing pattern: * one word, # any number (default #)"),
                        "limit", Schemas.of("integer", "How many at most (default 20)")),
                        (api, args) -> api.get("/events/recent?pattern=" + BloodbankClient.encode(args.text("pattern", "#"))
                                + "&limit=" + args.number("limit", 20))),
                tool(client, "dlq_list", "The consumers' dead-letter queues and how many messages each holds.",
                        Schemas.object(), (api, args) -> api.get("/dlq")),
                tool(client, "dlq_redrive", "Put a consumer's dead letters back on its queue: all, or only event_ids.",
                        Schemas.object("name!", Schemas.of("string", "The consumer (or its DLQ) name"),
                                "event_ids", Schemas.strings("Only these events")),
                        (api, args) -> api.post("/dlq/" + BloodbankClient.encode(args.text("name")) + "/redrive", redrive(args))));
    }

    private static SyncToolSpecification tool(Function<McpSyncServerExchange, BloodbankClient> client, String name,
            String description, ObjectNode schema, BiFunction<BloodbankClient, Args, JsonNode> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name).description(description).inputSchema(Schemas.map(schema)).build();
        return new SyncToolSpecification(tool, (exchange, request) -> ToolResults.of(
                () -> call.apply(client.apply(exchange), new Args(request.arguments()))));
    }

    private static final String PAGE_LIMIT = "How many ids per page at most (default and maximum: the service's page size)";
    private static final String PAGE_CURSOR = "next_cursor of the previous answer, for the next page";

    /** {@code limit=..&cursor=..} for what the call gives (empty for neither). */
    private static String page(Args args) {
        List<String> query = new java.util.ArrayList<>();
        if (args.has("limit")) {
            query.add("limit=" + args.number("limit", 0));
        }
        if (args.has("cursor")) {
            query.add("cursor=" + BloodbankClient.encode(args.text("cursor")));
        }
        return String.join("&", query);
    }

    private static String id(Args args) {
        return BloodbankClient.encode(args.text("event_id"));
    }

    private static JsonNode summary(JsonNode types) {
        ObjectNode answer = JSON.objectNode();
        types.path("event_types").forEach(t -> answer.withArray("event_types").addObject()
                .put("event_type", t.path("event_type").asText()).put("description", t.path("description").asText()));
        return answer.put("count", answer.path("event_types").size());
    }

    private static JsonNode redrive(Args args) {
        ObjectNode body = JSON.objectNode();
        List<String> ids = args.texts("event_ids");
        if (!ids.isEmpty()) {
            ids.forEach(body.putArray("event_ids")::add);
        }
        return body;
    }
}
