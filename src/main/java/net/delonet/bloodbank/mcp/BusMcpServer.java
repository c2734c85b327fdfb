package net.delonet.bloodbank.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.delonet.bloodbank.client.BloodbankClient;

/** The Bloodbank MCP server, the same tools over any transport (stdio for {@code bb mcp}, Streamable HTTP on the service). */
public final class BusMcpServer {

    public static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

    private static final String INSTRUCTIONS = "Bloodbank is the event bus of this home lab's agent pipeline. Publish what you"
            + " did as events (publish_event; link causes with parents), look up what led to an event or what it caused"
            + " (get_correlation_chain, debug_correlation), see what is happening (recent_events) and repair failed"
            + " consumers (dlq_list, dlq_redrive).";

    private BusMcpServer() {
    }

    /** {@code eventTypes}: the answer of {@code GET /events/types}; {@code client}: the API to call for a session. */
    public static <S extends McpServer.SyncSpecification<S>> McpSyncServer build(S spec, JsonNode eventTypes,
            Function<McpSyncServerExchange, BloodbankClient> client) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(PublishEventTool.spec(eventTypes, client));
        tools.addAll(QueryTools.specs(client));
        String version = BusMcpServer.class.getPackage().getImplementationVersion();
        return spec.serverInfo("bloodbank", version == null ? "dev" : version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(JSON)
                // the service checks every argument and names the field as its HTTP API does (payload.provider);
                // the SDK's own check would answer first, with JSON pointers (/payload)
                .validateToolInputs(false)
                .tools(tools)
                .build();
    }
}
