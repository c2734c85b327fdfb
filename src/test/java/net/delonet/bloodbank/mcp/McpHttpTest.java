package net.delonet.bloodbank.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The service's own MCP endpoint ({@code /mcp}, Streamable HTTP) driven by the SDK's own HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpHttpTest {

    private RunningBloodbank bloodbank;
    private McpSyncClient client;

    @BeforeAll
    void start() {
        bloodbank = RunningBloodbank.start();
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + bloodbank.port())
                        .endpoint("/mcp").jsonMapper(BusMcpServer.JSON).build())
                .clientInfo(new McpSchema.Implementation("home-bot", "0.1"))
                .requestTimeout(Duration.ofSeconds(30)).build();
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
        McpToolsContract.should_publish_as_the_agent_and_query_the_chain(client, bloodbank, "custom", "home-bot");
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

    @Test
    void should_refuse_a_message_without_a_session_and_one_that_is_not_json_rpc() {
        assertThat(bloodbank.http().post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").status()).isEqualTo(400);
        assertThat(bloodbank.http().post("/mcp", "not json").status()).isEqualTo(400);
    }
}
