package net.delonet.bloodbank.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal: the status, the field it names, and nothing on the broker afterwards. */
@BloodbankTest
class RefusedRequestsTest {

    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private String everything;
    private final String marker = "refused-" + UUID.randomUUID();

    @BeforeEach
    void bindEverything() {
        everything = broker.queueBoundTo("#");
    }

    /** Other tests may publish meanwhile: only a message carrying this class's marker would be ours. */
    @AfterEach
    void nothingPublished() {
        assertThat(broker.drain(everything, 300))
                .noneMatch(m -> new String(m.getBody(), StandardCharsets.UTF_8).contains(marker));
    }

    private void assertRefused(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).isNotBlank();
        if (field != null) {
            assertThat(answer.json().get("field").asText()).isEqualTo(field);
            assertThat(answer.json().get("error").asText()).contains(field);
        }
    }

    @Test
    void should_answer_400_to_malformed_json() {
        assertRefused(api.post("/events", "{\"event_type\":\"a.b\",\"payload\":{\"m\":\"" + marker + "\""), 400, null);
    }

    @Test
    void should_answer_400_to_a_missing_or_ill_formed_event_type() {
        assertRefused(api.post("/events", "{\"payload\":{\"m\":\"" + marker + "\"}}"), 400, "event_type");
        assertRefused(api.post("/events", "{\"event_type\":\"Bad Type\",\"payload\":{\"m\":\"" + marker + "\"}}"), 400, "event_type");
        assertRefused(api.post("/events/Bad.Type", "{\"m\":\"" + marker + "\"}"), 400, "event_type");
    }

    @Test
    void should_answer_422_naming_the_field_of_a_schema_violation() {
        assertRefused(api.post("/events", """
                {"event_type":"fireflies.transcript.upload",
                 "payload":{"media_file":"%s","media_duration_seconds":"an hour"}}""".formatted(marker)),
                422, "payload.media_duration_seconds");
        assertRefused(api.post("/events", "{\"event_type\":\"llm.prompt\",\"payload\":{\"provider\":\"%s\"}}".formatted(marker)),
                422, "payload.prompt");
        assertRefused(api.post("/events", """
                {"event_type":"a.b","payload":{"m":"%s"},"agent_context":{"type":"skynet"}}""".formatted(marker)),
                422, "agent_context.type");
        assertRefused(api.post("/events", """
                {"event_type":"a.b","payload":{"m":"%s"},"correlation_ids":["12"]}""".formatted(marker)),
                422, "correlation_ids[0]");
        assertRefused(api.post("/events", "{\"event_type\":\"a.b\",\"payload\":\"" + marker + "\"}"), 422, "payload");
    }

    @Test
    void should_answer_413_to_a_body_over_one_mebibyte() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        byte[] start = ("{\"event_type\":\"a.b\",\"payload\":{\"m\":\"" + marker + "\"}}").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, big, 0, start.length);
        assertRefused(api.post("/events", big), 413, null);
        assertRefused(api.post("/events/a.b", big), 413, null);
    }

    @Test
    void should_answer_503_while_the_publish_route_is_stopped_and_publish_again_once_it_runs() throws Exception {
        bloodbank.context().getRouteController().stopRoute("publish-envelope");
        try {
            assertRefused(api.post("/events", "{\"event_type\":\"a.b\",\"payload\":{\"m\":\"" + marker + "\"}}"), 503, null);
        } finally {
            bloodbank.context().getRouteController().startRoute("publish-envelope");
        }
        assertThat(api.post("/events", "{\"event_type\":\"a.b\",\"payload\":{}}").status()).isEqualTo(202);
    }

    @Test
    void should_answer_404_and_400_on_correlation_queries() {
        assertRefused(api.get("/debug/correlation/" + UUID.randomUUID()), 404, null);
        assertRefused(api.get("/debug/correlation/not-a-uuid"), 400, "event_id");
        assertRefused(api.get("/debug/correlation/" + UUID.randomUUID() + "/chain?direction=sideways"), 400, "direction");
    }
}
