package net.delonet.bloodbank.fireflies;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Calls that must publish nothing: forged or altered ones (401), and Fireflies failing us (502/503, retried later). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirefliesWebhookRefusalsTest {

    private static final String SECRET = "0123456789abcdef0123";
    private FirefliesStandIn fireflies;
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private String queue;
    private String id;
    private String body;

    @BeforeAll
    void start() throws Exception {
        fireflies = new FirefliesStandIn();
        bloodbank = RunningBloodbank.start(Map.of("bloodbank.fireflies.api-url", fireflies.url(),
                "bloodbank.fireflies.api-key", "test-key", "bloodbank.fireflies.webhook-secret", SECRET,
                "bloodbank.fireflies.timeout-ms", "2000", "bloodbank.watch.enabled", "false"));
        api = bloodbank.http();
        broker = new BrokerProbe();
        queue = broker.queueBoundTo("fireflies.transcript.ready");
    }

    @AfterAll
    void stop() throws Exception {
        broker.close();
        bloodbank.close();
        fireflies.close();
    }

    @BeforeEach
    void newTranscript() {
        id = "T" + UUID.randomUUID().toString().substring(0, 8);
        body = "{\"meetingId\":\"%s\",\"eventType\":\"Transcription completed\"}".formatted(id);
        fireflies.calls().clear();
        fireflies.answeringTranscript(Transcripts.transcript(id));
    }

    private void assertNothingPublished() {
        List<GetResponse> messages = broker.drain(queue, 1000);
        assertThat(messages).extracting(m -> new String(m.getBody())).noneMatch(m -> m.contains(id));
    }

    @Test
    void should_refuse_a_call_without_signature_with_a_wrong_secret_or_a_tampered_body() throws Exception {
        Answer missing = api.post("/webhooks/fireflies", body, Map.of());
        Answer wrongSecret = api.post("/webhooks/fireflies", body, Map.of("x-hub-signature", Transcripts.signature("another-secret-123", body)));
        Answer tampered = api.post("/webhooks/fireflies", body.replace("}", ",\"x\":1}"),
                Map.of("x-hub-signature", Transcripts.signature(SECRET, body)));
        Answer garbage = api.post("/webhooks/fireflies", body, Map.of("x-hub-signature", "not-hex"));

        assertThat(List.of(missing, wrongSecret, tampered, garbage)).extracting(Answer::status).containsOnly(401);
        assertThat(missing.json().get("error").asText()).contains("x-hub-signature", "missing");
        assertThat(fireflies.calls()).isEmpty();
        assertNothingPublished();
    }

    @Test
    void should_answer_503_while_fireflies_fails_so_that_it_retries() throws Exception {
        fireflies.answering(500, "<html>Internal Server Error</html>");
        Answer answer = notifySigned();
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("error").asText()).contains("Fireflies is unavailable (HTTP 500)");

        fireflies.answering(200, "{\"data\":null,\"errors\":[{\"message\":\"Too many requests\",\"code\":\"too_many_requests\","
                + "\"friendly\":true,\"extensions\":{\"code\":\"too_many_requests\",\"status\":429}}]}");
        assertThat(notifySigned().status()).isEqualTo(503);
        assertNothingPublished();

        fireflies.answeringTranscript(Transcripts.transcript(id));
        assertThat(notifySigned().status()).as("Fireflies' retry once it is back").isEqualTo(200);
    }

    @Test
    void should_answer_502_when_fireflies_refuses_the_key_or_answers_what_cannot_be_used() throws Exception {
        fireflies.answering(401, "{\"errors\":[{\"message\":\"Invalid API key\",\"code\":\"auth_failed\",\"friendly\":true,"
                + "\"extensions\":{\"code\":\"auth_failed\",\"status\":401}}]}");
        Answer refused = notifySigned();
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("error").asText()).contains("auth_failed");

        fireflies.answering(200, "{\"data\": {\"transcript\": ");
        assertThat(notifySigned().status()).isEqualTo(502);

        fireflies.answering(200, "{\"data\":{\"transcript\":null},\"errors\":[{\"message\":\"Transcript not found\","
                + "\"code\":\"object_not_found\",\"extensions\":{\"code\":\"object_not_found\",\"status\":404}}]}");
        assertThat(notifySigned().json().get("error").asText()).contains("object_not_found");
        assertNothingPublished();
    }

    @Test
    void should_refuse_a_notification_without_a_meeting_id() throws Exception {
        String empty = "{\"eventType\":\"Transcription completed\"}";
        Answer answer = api.post("/webhooks/fireflies", empty, Map.of("x-hub-signature", Transcripts.signature(SECRET, empty)));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("field").asText()).isEqualTo("meetingId");
    }

    private Answer notifySigned() throws Exception {
        return api.post("/webhooks/fireflies", body, Map.of("x-hub-signature", Transcripts.signature(SECRET, body)));
    }
}
