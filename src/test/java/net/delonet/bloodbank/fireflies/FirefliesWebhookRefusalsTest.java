package net.delonet.bloodbank.fireflies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls refused (forged or altered: 401; malformed: 422) publish nothing. Fireflies failing the fetch that follows an
 * accepted call publishes no transcript: retried while it may help, then dead-lettered with a failure event.
 */
@BloodbankTest({"bloodbank.fireflies.api-key=test-key", "bloodbank.fireflies.webhook-secret=" + FirefliesWebhookRefusalsTest.SECRET,
        "bloodbank.fireflies.timeout-ms=2000", "bloodbank.watch.enabled=false", "bloodbank.fireflies.retries=2",
        "bloodbank.fireflies.retry-delay-ms=100"})
class FirefliesWebhookRefusalsTest {

    static final String SECRET = "0123456789abcdef0123";
    private final FirefliesStandIn fireflies = new FirefliesStandIn();
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private String queue;
    private String failedQueue;
    private String id;
    private String body;

    @BeforeAll
    void bindOutcomes() {
        queue = broker.queueBoundTo("fireflies.transcript.ready");
        failedQueue = broker.queueBoundTo("fireflies.transcript.failed");
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
    void should_retry_while_fireflies_fails_then_dead_letter_the_call_and_publish_the_failure() throws Exception {
        fireflies.answering(500, "<html>Internal Server Error</html>");
        Answer answer = notifySigned();
        assertThat(answer.status()).as("Fireflies' own call succeeds: the fetch is ours to retry").isEqualTo(202);
        String completed = answer.json().at("/events/0/event_id").asText();

        JsonNode failed = awaitFailureOf(completed);
        assertThat(failed.at("/payload/failed_stage").asText()).isEqualTo("transcription");
        assertThat(failed.at("/payload/is_retryable").asBoolean()).isTrue();
        assertThat(failed.at("/payload/retry_count").asInt()).isEqualTo(2);
        assertThat(failed.at("/payload/error_message").asText()).contains("Fireflies is unavailable (HTTP 500)");
        assertThat(failed.at("/payload/transcript_id").asText()).isEqualTo(id);
        assertThat(fireflies.calls()).hasSize(3);
        String deadLetters = bloodbank.topology().deadLetters("fireflies-transcripts");
        assertThat(broker.drain(deadLetters, 1000)).extracting(m -> m.getProps().getMessageId()).contains(completed);
        assertNothingPublished();
    }

    @Test
    void should_dead_letter_at_once_when_fireflies_refuses_the_key() throws Exception {
        fireflies.answering(401, "{\"errors\":[{\"message\":\"Invalid API key\",\"code\":\"auth_failed\",\"friendly\":true,"
                + "\"extensions\":{\"code\":\"auth_failed\",\"status\":401}}]}");
        String completed = notifySigned().json().at("/events/0/event_id").asText();

        JsonNode failed = awaitFailureOf(completed);
        assertThat(failed.at("/payload/failed_stage").asText()).isEqualTo("transcription");
        assertThat(failed.at("/payload/is_retryable").asBoolean()).isFalse();
        assertThat(failed.at("/payload/error_code").asText()).isEqualTo("auth_failed");
        assertThat(fireflies.calls()).hasSize(1);
        assertNothingPublished();
    }

    private JsonNode awaitFailureOf(String completed) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            GetResponse message = broker.take(failedQueue, 1000);
            JsonNode event = message == null ? null : EnvelopeJson.mapper().readTree(message.getBody());
            if (event != null && event.get("correlation_ids").toString().contains(completed)) {
                return event;
            }
        }
        throw new AssertionError("No fireflies.transcript.failed for " + completed);
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
