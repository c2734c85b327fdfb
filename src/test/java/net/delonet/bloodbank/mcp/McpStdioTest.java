package net.delonet.bloodbank.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import net.delonet.bloodbank.cli.BbProcess;
import net.delonet.bloodbank.testing.BloodbankTest;
import org.junit.jupiter.api.BeforeAll;

/** {@code bb mcp} spawned the way Claude Code spawns it, driven by the SDK's own client over stdio. */
@BloodbankTest
class McpStdioTest extends McpToolsContract {

    McpStdioTest() {
        super("claude-code", "claude-code");
    }

    @BeforeAll
    void connect() {
        List<String> command = BbProcess.command("mcp");
        ServerParameters server = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()))
                .addEnvVar("BLOODBANK_URL", "http://127.0.0.1:" + bloodbank.port()).build();
        client = McpClient.sync(new StdioClientTransport(server, BusMcpServer.JSON))
                .clientInfo(new McpSchema.Implementation("claude-code", "2.0.1"))
                .initializationTimeout(Duration.ofSeconds(60)).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }
}
