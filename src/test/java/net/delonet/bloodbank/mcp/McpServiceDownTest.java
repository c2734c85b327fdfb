package net.delonet.bloodbank.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.cli.BbProcess;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** {@code bb mcp} started before the service (an agent launched first): it serves, says "unreachable", then works. */
class McpServiceDownTest {

    @Test
    void should_start_without_the_service_and_work_once_it_is_there() {
        int port = RunningBloodbank.freePort();
        List<String> command = BbProcess.command("mcp");
        ServerParameters server = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()))
                .addEnvVar("BLOODBANK_URL", "http://127.0.0.1:" + port).build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(server, BusMcpServer.JSON))
                .clientInfo(new McpSchema.Implementation("claude-code", "2.0.1"))
                .initializationTimeout(Duration.ofSeconds(60)).requestTimeout(Duration.ofSeconds(30)).build();
        try {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("publish_event", "list_event_types");

            CallToolResult down = client.callTool(new McpSchema.CallToolRequest("publish_event",
                    Map.of("event_type", "mcp.down.test", "payload", Map.of())));
            assertThat(down.isError()).isTrue();
            assertThat(((McpSchema.TextContent) down.content().get(0)).text()).contains("unreachable");

            try (RunningBloodbank bloodbank = RunningBloodbank.start(Map.of("camel.server.port", Integer.toString(port)))) {
                CallToolResult up = client.callTool(new McpSchema.CallToolRequest("publish_event",
                        Map.of("event_type", "mcp.down.test", "payload", Map.of())));
                assertThat(up.isError()).as(up.toString()).isFalse();
                assertThat(client.callTool(new McpSchema.CallToolRequest("list_event_types", Map.of())).isError()).isFalse();
            }
        } finally {
            client.closeGracefully();
        }
    }
}
