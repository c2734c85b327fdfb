package net.delonet.bloodbank.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.Function;
import net.delonet.bloodbank.client.AgentIdentity;
import net.delonet.bloodbank.client.BloodbankClient;
import net.delonet.bloodbank.client.EventRequests;

/**
 * {@code publish_event}: an event on the bus on the agent's behalf. The agent is who the MCP client said it was at
 * initialization ({@code clientInfo}): its name becomes {@code agent_context}, the source type is {@code agent}.
 */
final class PublishEventTool {

    private PublishEventTool() {
    }

    static SyncToolSpecification spec(JsonNode eventTypes, Function<McpSyncServerExchange, BloodbankClient> client) {
        McpSchema.Tool tool = McpSchema.Tool.builder("publish_event")
                .description("Publish an event to Bloodbank. Returns its event_id once the broker confirmed it."
                        + " Use parents to link it to the events that caused it.")
                .inputSchema(Schemas.map(Schemas.publish(eventTypes))).build();
        return new SyncToolSpecification(tool, (exchange, call) -> ToolResults.of(() -> {
            Args args = new Args(call.arguments());
            ObjectNode request = EventRequests.envelope(args.text("event_type"), args.json("payload"),
                    args.texts("parents"), args.object("idempotency_key"));
            if (call.arguments() != null && call.arguments().get("correlation_id") != null) {
                // the service reads it as HTTP does: one parent, refused by name when it is no event id
                request.set("correlation_id", args.json("correlation_id"));
            }
            request.set("source", EventRequests.source("agent", "bloodbank-mcp"));
            request.set("agent_context", agentContext(exchange));
            return client.apply(exchange).post("/events", request);
        }));
    }

    static ObjectNode agentContext(McpSyncServerExchange exchange) {
        McpSchema.Implementation clientInfo = exchange.getClientInfo();
        String name = clientInfo == null ? null : clientInfo.name();
        ObjectNode context = EventRequests.agentContext(AgentIdentity.typeOf(name), name).put("instance_id", exchange.sessionId());
        if (clientInfo != null && clientInfo.version() != null) {
            context.putObject("meta").put("client_version", clientInfo.version());
        }
        return context;
    }
}
