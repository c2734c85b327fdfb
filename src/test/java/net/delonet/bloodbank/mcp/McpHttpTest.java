package net.delonet.bloodbank.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import net.delonet.bloodbank.testing.BloodbankTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service's own MCP endpoint ({@code /mcp}, Streamable HTTP) driven by the SDK's own HTTP client. */
@BloodbankTest
class McpHttpTest extends McpToolsContract {

    McpHttpTest() {
        super("custom", "home-bot");
    }

    @BeforeAll
    void connect() {
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + bloodbank.port())
                        .endpoint("/mcp").jsonMapper(BusMcpServer.JSON).build())
                .clientInfo(new McpSchema.Implementation("home-bot", "0.1"))
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }

    @Test
    void should_refuse_a_message_without_a_session_and_one_that_is_not_json_rpc() {
        assertThat(bloodbank.http().post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").status()).isEqualTo(400);
        assertThat(bloodbank.http().post("/mcp", "not json").status()).isEqualTo(400);
    }
}
