package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.RawHttp;
import net.delonet.bloodbank.testing.RawHttp.Reply;
import org.junit.jupiter.api.Test;

/**
 * One content-type rule for every JSON endpoint (JSON or +json in UTF-8, or no type at all) and a JSON error body
 * on every refusal, including those made before a route runs (413, 404, 405, 415). Body-less POSTs work.
 */
@BloodbankTest({"bloodbank.watch.enabled=false", "bloodbank.fireflies.webhook-secret=0123456789abcdef0123"})
class ContentTypesTest {

    private static final byte[] EVENT = "{\"event_type\":\"content.types.test\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
    private RawHttp http;

    private static void assertJsonError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().get("content-type")).as(reply.body()).startsWith("application/json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isNotBlank();
    }

    @Test
    void should_answer_415_naming_content_type_to_a_body_that_is_not_json() {
        for (String path : new String[] {"/events", "/events/content.types.test", "/replay", "/webhooks/fireflies",
                "/dlq/artifact-logger/redrive"}) {
            for (String type : new String[] {"image/png", "text/plain", "application/xml", "application/json; charset=iso-8859-1"}) {
                Reply reply = http.send("POST", path, EVENT, "Content-Type: " + type);
                assertJsonError(reply, 415);
                assertThat(reply.json().get("field").asText()).as(path + " " + type).isEqualTo("Content-Type");
            }
        }
    }

    @Test
    void should_accept_json_with_a_utf8_charset_a_json_suffix_or_no_content_type() {
        for (String[] headers : new String[][] {{"Content-Type: application/json; charset=utf-8"},
                {"Content-Type: application/cloudevents+json"}, {"Content-Type: Application/JSON;charset=\"UTF-8\""}, {}}) {
            Reply reply = http.send("POST", "/events", EVENT, headers);
            assertThat(reply.status()).as(Arrays.toString(headers) + " → " + reply.body()).isEqualTo(202);
        }
        Reply unsigned = http.send("POST", "/webhooks/fireflies", "{\"meetingId\":\"m\"}".getBytes(), new String[0]);
        assertJsonError(unsigned, 401);
    }

    @Test
    void should_serve_body_less_posts_where_no_body_is_needed() {
        Reply redrive = http.send("POST", "/dlq/artifact-logger/redrive", null);
        assertThat(redrive.status()).as(redrive.body()).isEqualTo(200);
        assertThat(redrive.json().get("consumer").asText()).isEqualTo("artifact-logger");
        Reply replay = http.send("POST", "/replay", "{\"consumer\":\"artifact-logger\",\"since\":\"2025-01-01T00:00:00Z\",\"until\":\"2025-01-01T00:00:01Z\"}".getBytes());
        // reached the route without a content type: replayed, or (the embedded broker has no archive stream) 404 JSON
        boolean archive = !"embedded".equals(System.getProperty("bloodbank.test.backends"));
        assertThat(replay.status()).as(replay.body()).isEqualTo(archive ? 200 : 404);
        assertJsonError(http.send("POST", "/replay", null), 400);
    }

    @Test
    void should_answer_every_refusal_made_before_a_route_ran_as_json() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        assertJsonError(http.send("POST", "/webhooks/fireflies", big, "Content-Type: application/json"), 413);
        assertJsonError(http.send("POST", "/replay", big, "Content-Type: application/json"), 413);
        assertJsonError(http.send("GET", "/no/such/path", null), 404);
        assertJsonError(http.send("DELETE", "/events/types", null), 405);
    }
}
