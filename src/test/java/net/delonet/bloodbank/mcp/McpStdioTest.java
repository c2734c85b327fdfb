package net.delonet.bloodbank.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import net.delonet.bloodbank.cli.BbProcess;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code bb mcp} spawned the way Claude Code spawns it, driven by the SDK's own client over stdio. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpStdioTest {

    private RunningBloodbank bloodbank;
    private McpSyncClient client;

    @BeforeAll
    void start() {
        bloodbank = RunningBloodbank.start();
        List<String> command = BbProcess.command("mcp");
        ServerParameters server = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()))
                .addEnvVar("BLOODBANK_URL", "http://127.0.0.1:" + bloodbank.port()).build();
        client = McpClient.sync(new StdioClientTransport(server, BusMcpServer.JSON))
                .clientInfo(new McpSchema.Implementation("claude-code", "2.0.1"))
                .initializationTimeout(Duration.ofSeconds(60)).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }

    @AfterAll
    void stop() {
        client.closeGracefully();
        bloodbank.close();
    }

    @Test
    void should_list_every_tool_with_the_registry_schemas() {
        McpToolsContract.should_list_every_tool_with_the_registry_schemas(client);
    }

    @Test
    void should_publish_as_the_agent_and_query_the_chain() throws Exception {
        McpToolsContract.should_publish_as_the_agent_and_query_the_chain(client, bloodbank, "claude-code", "claude-code");
    }

    @Test
    void should_take_the_legacy_correlation_id_as_the_parent() {
        McpToolsContract.should_take_the_legacy_correlation_id_as_the_parent(client, bloodbank);
    }

    @Test
    void should_name_refused_fields_as_the_api_does() {
        McpToolsContract.should_name_refused_fields_as_the_api_does(client);
    }

    @Test
    void should_answer_refusals_as_tool_errors_naming_the_field() {
        McpToolsContract.should_answer_refusals_as_tool_errors_naming_the_field(client);
    }
}
