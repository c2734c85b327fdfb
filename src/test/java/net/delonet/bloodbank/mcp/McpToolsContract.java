package net.delonet.bloodbank.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What an agent sees through either transport: the tools, a publish with its identity, the chain, refusals. A
 * transport's test connects {@link #client} (as the agent {@code clientName}) in its {@code @BeforeAll}.
 */
abstract class McpToolsContract {

    /** Filled by {@code @BloodbankTest}. */
    RunningBloodbank bloodbank;
    McpSyncClient client;
    private final String expectedAgentType;
    private final String clientName;

    McpToolsContract(String expectedAgentType, String clientName) {
        this.expectedAgentType = expectedAgentType;
        this.clientName = clientName;
    }

    @AfterAll
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void should_list_every_tool_with_the_registry_schemas() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("publish_event", "get_correlation_chain",
                "debug_correlation", "list_event_types", "get_event_schema", "recent_events", "dlq_list", "dlq_redrive");
        McpSchema.Tool publish = tools.stream().filter(t -> t.name().equals("publish_event")).findFirst().orElseThrow();
        JsonNode schema = EnvelopeJson.mapper().valueToTree(publish.inputSchema());
        assertThat(schema.at("/required")).extracting(JsonNode::asText).containsExactly("event_type", "payload");
        assertThat(schema.get("allOf").findValuesAsText("const")).contains("agent.thread.prompt", "fireflies.transcript.ready");
    }

    /** Publishes as the client, sees the message on a bound queue with the agent's context, and queries its chain. */
    @Test
    void should_publish_as_the_agent_and_query_the_chain() throws Exception {
        String ns = "t" + UUID.randomUUID().toString().substring(0, 8);
        try (BrokerProbe broker = new BrokerProbe()) {
            String queue = broker.queueBoundTo(ns + ".#");
            String parent = bloodbank.http().post("/events", "{\"event_type\":\"%s.task.asked\",\"payload\":{}}".formatted(ns))
                    .json().get("event_id").asText();
            broker.take(queue, 5000);

            CallToolResult published = client.callTool(new McpSchema.CallToolRequest("publish_event", Map.of(
                    "event_type", ns + ".task.done", "payload", Map.of("summary", "fixed it"), "parents", List.of(parent))));

            assertThat(published.isError()).as(published.toString()).isFalse();
            String id = structured(published).get("event_id").asText();
            JsonNode event = EnvelopeJson.mapper().readTree(broker.take(queue, 5000).getBody());
            assertThat(event.get("event_id").asText()).isEqualTo(id);
            assertThat(event.at("/payload/summary").asText()).isEqualTo("fixed it");
            assertThat(event.at("/source/type").asText()).isEqualTo("agent");
            assertThat(event.at("/agent_context/type").asText()).isEqualTo(expectedAgentType);
            assertThat(event.at("/agent_context/name").asText()).isEqualTo(clientName);
            assertThat(event.at("/agent_context/instance_id").asText()).isNotBlank();

            CallToolResult chain = client.callTool(new McpSchema.CallToolRequest("get_correlation_chain", Map.of("event_id", id)));
            assertThat(structured(chain).get("chain")).extracting(JsonNode::asText).containsExactly(parent, id);
            CallToolResult recent = client.callTool(new McpSchema.CallToolRequest("recent_events", Map.of("pattern", ns + ".task.*")));
            assertThat(structured(recent).get("events").findValuesAsText("event_id")).containsExactly(parent, id);
        }
    }

    @Test
    void should_answer_refusals_as_tool_errors_naming_the_field() {
        CallToolResult invalid = client.callTool(new McpSchema.CallToolRequest("publish_event", Map.of(
                "event_type", "llm.prompt", "payload", Map.of("prompt", "hi"))));
        assertThat(invalid.isError()).isTrue();
        assertThat(text(invalid)).contains("provider");

        CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("debug_correlation",
                Map.of("event_id", UUID.randomUUID().toString())));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("404");

        CallToolResult badId = client.callTool(new McpSchema.CallToolRequest("publish_event", Map.of(
                "event_type", "t.any.thing", "payload", Map.of(), "parents", List.of("not-a-uuid"))));
        assertThat(badId.isError()).isTrue();
        assertThat(text(badId)).contains("correlation_ids[0]");
    }

    /** The seed guide's single {@code correlation_id} is one parent, as over HTTP. */
    @Test
    void should_take_the_legacy_correlation_id_as_the_parent() {
        String ns = "t" + UUID.randomUUID().toString().substring(0, 8);
        String parent = bloodbank.http().post("/events", "{\"event_type\":\"%s.task.asked\",\"payload\":{}}".formatted(ns))
                .json().get("event_id").asText();

        CallToolResult published = client.callTool(new McpSchema.CallToolRequest("publish_event", Map.of(
                "event_type", ns + ".task.done", "payload", Map.of(), "correlation_id", parent)));

        assertThat(published.isError()).as(published.toString()).isFalse();
        assertThat(structured(published).get("correlation_ids")).extracting(JsonNode::asText).containsExactly(parent);
    }

    /** Refusals name the field the way the HTTP API does ({@code payload.provider}), not as a JSON pointer. */
    @Test
    void should_name_refused_fields_as_the_api_does() {
        CallToolResult invalid = client.callTool(new McpSchema.CallToolRequest("publish_event", Map.of(
                "event_type", "llm.prompt", "payload", Map.of("prompt", "hi"))));

        assertThat(invalid.isError()).isTrue();
        assertThat(text(invalid)).contains("payload.provider").doesNotContain("/payload");
        assertThat(structured(invalid).path("field").asText()).isEqualTo("payload.provider");
    }

    private static JsonNode structured(CallToolResult result) {
        return EnvelopeJson.mapper().valueToTree(result.structuredContent());
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
