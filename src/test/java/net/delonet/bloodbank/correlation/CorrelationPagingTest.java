package net.delonet.bloodbank.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import net.delonet.bloodbank.cli.BbProcess;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.mcp.BusMcpServer;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RedisProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An event with thousands of children: its children and descendants come in pages (limit + cursor). */
@BloodbankTest({"bloodbank.watch.enabled=false", "bloodbank.correlation.page-size=1000"})
class CorrelationPagingTest {

    private static final int CHILDREN = 2500;
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private RedisProbe redis;
    private final String root = UUID.randomUUID().toString();
    private final List<String> children = new ArrayList<>();

    @BeforeAll
    void recordChildren() {
        // Recorded as Bloodbank records them (the documented keys), without publishing 2,500 events.
        for (int i = 0; i < CHILDREN; i++) {
            children.add(UUID.randomUUID().toString());
        }
        children.sort(null);
        redis.redis().set("bloodbank:correlation:forward:" + root,
                "{\"parent_event_ids\":[],\"created_at\":\"2025-10-18T12:00:00Z\",\"metadata\":{\"event_type\":\"paging.root\"}}");
        redis.redis().sadd("bloodbank:correlation:reverse:" + root, children.toArray(String[]::new));
        redis.redis().expire("bloodbank:correlation:forward:" + root, 600);
        redis.redis().expire("bloodbank:correlation:reverse:" + root, 600);
    }

    @AfterAll
    void forgetChildren() {
        redis.redis().del("bloodbank:correlation:forward:" + root, "bloodbank:correlation:reverse:" + root);
    }

    private JsonNode get(String path) {
        HttpApi.Answer answer = api.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(n -> all.add(n.asText()));
        return all;
    }

    @Test
    void should_page_children_and_descendants_of_the_debug_answer() {
        JsonNode first = get("/debug/correlation/" + root + "?limit=100");
        assertThat(texts(first.get("children"))).isEqualTo(children.subList(0, 100));
        assertThat(first.get("children_count").asInt()).isEqualTo(CHILDREN);
        assertThat(first.get("descendants")).hasSize(100);
        JsonNode second = get("/debug/correlation/" + root + "?limit=100&cursor=" + first.get("next_cursor").asText());
        assertThat(texts(second.get("children"))).isEqualTo(children.subList(100, 200));

        JsonNode unasked = get("/debug/correlation/" + root);
        assertThat(unasked.get("children")).hasSize(1000);
        assertThat(unasked.get("next_cursor").isTextual()).isTrue();
    }

    @Test
    void should_walk_every_descendant_once_through_the_cursor() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/debug/correlation/" + root + "/chain?direction=descendants&limit=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("count").asInt()).isEqualTo(page.get("chain").size()).isLessThanOrEqualTo(1000);
            walked.addAll(texts(page.get("chain")));
            cursor = page.path("next_cursor").isTextual() ? page.get("next_cursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        List<String> expected = new ArrayList<>(List.of(root));
        expected.addAll(children);
        assertThat(walked).isEqualTo(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void should_answer_400_naming_a_bad_limit_or_cursor() {
        for (String query : new String[] {"limit=0", "limit=1001", "limit=x", "cursor=-1", "cursor=abc"}) {
            HttpApi.Answer answer = api.get("/debug/correlation/" + root + "/chain?direction=descendants&" + query);
            assertThat(answer.status()).as(query + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.json().get("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void should_show_a_page_of_children_in_bb_chain_and_how_to_get_the_next() {
        List<String> lines = BbProcess.run(bloodbank, null, "chain", root, "--descendants", "--limit", "3").stdout().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith(root + "  paging.root");
        assertThat(lines.get(1)).contains(children.get(0));
        assertThat(lines.get(4)).contains("2500 children in all", "--cursor 3");
        List<String> next = BbProcess.run(bloodbank, null, "chain", root, "--descendants", "--limit", "3", "--cursor", "3").stdout().lines().toList();
        assertThat(next.get(1)).contains(children.get(3));
        assertThat(next.get(4)).contains("--cursor 6");
    }

    @Test
    void should_page_the_chain_in_the_mcp_tool() {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + bloodbank.port())
                .endpoint("/mcp").jsonMapper(BusMcpServer.JSON).build()).requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            McpSchema.CallToolResult page = client.callTool(new McpSchema.CallToolRequest("get_correlation_chain",
                    Map.of("event_id", root, "direction", "descendants", "limit", 10, "cursor", "1")));
            JsonNode answer = EnvelopeJson.mapper().valueToTree(page.structuredContent());
            assertThat(texts(answer.get("chain"))).isEqualTo(children.subList(0, 10));
            assertThat(answer.get("next_cursor").asText()).isEqualTo("11");
        }
    }
}
