package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RawHttp;
import net.delonet.bloodbank.testing.RawHttp.Reply;
import net.delonet.bloodbank.testing.RedisProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One JSON document per body, in strict UTF-8, on every endpoint that reads JSON; numbers JSON cannot carry are
 * refused naming the field; a timestamp comes back as it was sent. A refused request publishes and records nothing.
 */
@BloodbankTest({"bloodbank.watch.enabled=false", "bloodbank.fireflies.webhook-secret=" + StrictJsonTest.SECRET,
        "bloodbank.fireflies.api-url=http://127.0.0.1:9/graphql"})
class StrictJsonTest {

    private static final String JSON = "Content-Type: application/json";
    static final String SECRET = "0123456789abcdef0123";
    private RawHttp http;
    private BrokerProbe broker;
    private RedisProbe redis;
    private String everything;
    private String marker;

    @BeforeEach
    void bindEverything() {
        everything = broker.queueBoundTo("#");
        marker = "strict-" + UUID.randomUUID();
    }

    @AfterEach
    void nothingPublished() {
        assertThat(broker.drain(everything, 300))
                .noneMatch(m -> new String(m.getBody(), StandardCharsets.UTF_8).contains(marker));
    }

    private String envelope(String eventId) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"strict.json.test\",\"payload\":{\"m\":\"" + marker + "\"}}";
    }

    private static byte[] concat(String start, byte[] tail) {
        return concat(start.getBytes(StandardCharsets.UTF_8), tail);
    }

    private static byte[] concat(byte[] start, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(start);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private void assertRefusedAsJson(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isNotBlank();
    }

    @Test
    void should_refuse_trailing_garbage_a_second_document_and_a_trailing_nul_on_post_events() {
        for (byte[] tail : new byte[][] {"garbage".getBytes(), envelope(UUID.randomUUID().toString()).getBytes(), {0}, " x".getBytes()}) {
            String id = UUID.randomUUID().toString();
            assertRefusedAsJson(http.send("POST", "/events", concat(envelope(id), tail), JSON), 400);
            assertThat(redis.redis().exists("bloodbank:correlation:forward:" + id)).isZero();
        }
        assertRefusedAsJson(http.send("POST", "/events/strict.json.test", concat("{\"m\":\"" + marker + "\"}", "{}".getBytes()), JSON), 400);
    }

    @Test
    void should_accept_trailing_whitespace() {
        Reply reply = http.send("POST", "/events", concat("{\"event_type\":\"strict.json.ws\",\"payload\":{}}", " \r\n\t ".getBytes()), JSON);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    @Test
    void should_refuse_overlong_utf8_and_encoded_surrogates() {
        for (byte[] bad : new byte[][] {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xff}}) {
            String id = UUID.randomUUID().toString();
            byte[] body = concat(concat("{\"event_id\":\"" + id + "\",\"event_type\":\"strict.json.test\",\"payload\":{\"m\":\""
                    + marker + "-", bad), "\"}}".getBytes());
            Reply reply = http.send("POST", "/events", body, JSON);
            assertRefusedAsJson(reply, 400);
            assertThat(reply.json().get("error").asText()).contains("UTF-8");
            assertThat(redis.redis().exists("bloodbank:correlation:forward:" + id)).isZero();
        }
    }

    @Test
    void should_refuse_trailing_data_on_replay_redrive_webhooks_and_mcp() throws Exception {
        byte[] replay = concat("{\"consumer\":\"artifact-logger\",\"since\":\"2025-01-01T00:00:00Z\"}", "]".getBytes());
        assertThat(http.send("POST", "/replay", replay, JSON).json().get("error").asText()).containsIgnoringCase("JSON");
        assertRefusedAsJson(http.send("POST", "/replay", replay, JSON), 400);
        assertRefusedAsJson(http.send("POST", "/dlq/artifact-logger/redrive", concat("{}", "{}".getBytes()), JSON), 400);
        byte[] webhook = concat("{\"meetingId\":\"" + marker + "\",\"eventType\":\"Transcription completed\"}", "{}".getBytes());
        assertRefusedAsJson(http.send("POST", "/webhooks/fireflies", webhook, JSON, "x-hub-signature: " + signature(webhook)), 400);
        Reply mcp = http.send("POST", "/mcp", concat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "x".getBytes()),
                JSON, "Accept: application/json, text/event-stream");
        assertThat(mcp.status()).as(mcp.body()).isEqualTo(400);
    }

    private static String signature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void should_answer_422_naming_the_field_of_numbers_json_cannot_carry() {
        for (String number : new String[] {"1e400", "-1e400", "NaN", "Infinity", "-Infinity"}) {
            for (String type : new String[] {"fireflies.transcript.ready", "strict.json.unregistered"}) {
                String id = UUID.randomUUID().toString();
                String body = "{\"event_id\":\"%s\",\"event_type\":\"%s\",\"payload\":{\"id\":\"%s\",\"title\":\"t\",\"duration\":%s}}"
                        .formatted(id, type, marker, number);
                Reply reply = http.send("POST", "/events", body.getBytes(StandardCharsets.UTF_8), JSON);
                assertRefusedAsJson(reply, 422);
                assertThat(reply.json().get("field").asText()).isEqualTo("payload.duration");
                assertThat(redis.redis().exists("bloodbank:correlation:forward:" + id)).isZero();
            }
        }
        Reply bare = http.send("POST", "/events/strict.json.unregistered", ("{\"m\":\"" + marker + "\",\"x\":[1,1e999]}").getBytes(), JSON);
        assertRefusedAsJson(bare, 422);
        assertThat(bare.json().get("field").asText()).isEqualTo("payload.x[1]");
    }

    @Test
    void should_answer_and_publish_the_timestamp_the_client_sent() {
        String queue = broker.queueBoundTo("strict.json.time");
        for (String sent : new String[] {"2025-10-18T12:00:00Z", "2025-10-18T14:00:00+02:00", "2025-10-18T12:00:00.123Z"}) {
            Reply reply = http.send("POST", "/events", ("{\"event_type\":\"strict.json.time\",\"timestamp\":\"" + sent
                    + "\",\"payload\":{}}").getBytes(), JSON);
            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
            assertThat(reply.json().get("timestamp").asText()).isEqualTo(sent);
            assertThat(new String(broker.take(queue, 5000).getBody(), StandardCharsets.UTF_8)).contains("\"timestamp\":\"" + sent + "\"");
        }
        Reply serverMade = http.send("POST", "/events", "{\"event_type\":\"strict.json.time\",\"payload\":{}}".getBytes(), JSON);
        assertThat(serverMade.json().get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        broker.drain(queue, 100);
    }
}
