package net.delonet.bloodbank.fireflies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.GetResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /webhooks/fireflies with a real local server standing in for Fireflies' GraphQL API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirefliesWebhookTest {

    private static final String SECRET = "0123456789abcdef0123";
    private FirefliesStandIn fireflies;
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private String queue;

    @BeforeAll
    void start() throws Exception {
        fireflies = new FirefliesStandIn();
        bloodbank = RunningBloodbank.start(Map.of("bloodbank.fireflies.api-url", fireflies.url(),
                "bloodbank.fireflies.api-key", "test-key", "bloodbank.fireflies.webhook-secret", SECRET,
                "bloodbank.watch.enabled", "false"));
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
    void forgetCalls() {
        fireflies.calls().clear();
    }

    private Answer notify(String body) throws Exception {
        return api.post("/webhooks/fireflies", body, Map.of("x-hub-signature", Transcripts.signature(SECRET, body)));
    }

    /** The ready events for these transcripts that reach a consumer within {@code millis}. */
    private List<JsonNode> ready(long millis, String... transcriptIds) throws Exception {
        List<JsonNode> ours = new ArrayList<>();
        for (GetResponse m : broker.drain(queue, millis)) {
            JsonNode envelope = EnvelopeJson.mapper().readTree(m.getBody());
            if (List.of(transcriptIds).contains(envelope.at("/payload/id").asText())) {
                ours.add(envelope);
            }
        }
        return ours;
    }

    @Test
    void should_fetch_the_transcript_and_publish_it_ready_with_the_upload_as_parent() throws Exception {
        String upload = api.post("/events", "{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{\"media_file\":\"/r/s.mp3\"}}")
                .json().get("event_id").asText();
        String id = "T" + UUID.randomUUID().toString().substring(0, 8);
        fireflies.answeringTranscript(Transcripts.transcript(id));

        Answer answer = notify("{\"meetingId\":\"%s\",\"eventType\":\"Transcription completed\",\"clientReferenceId\":\"%s\"}".formatted(id, upload));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String readyId = EventIds.deterministic("fireflies.transcript.ready", Map.of("transcript_id", id)).toString();
        assertThat(answer.json().at("/events/0/event_id").asText()).isEqualTo(readyId);
        assertThat(fireflies.calls()).hasSize(1);
        assertThat(fireflies.calls().get(0).authorization()).isEqualTo("Bearer test-key");
        assertThat(fireflies.calls().get(0).body().at("/variables/id").asText()).isEqualTo(id);
        assertThat(fireflies.calls().get(0).body().get("query").asText()).contains("transcript(id: $id)", "sentences", "speaker_name");

        JsonNode ready = ready(3000, id).get(0);
        assertThat(ready.get("event_id").asText()).isEqualTo(readyId);
        assertThat(ready.get("correlation_ids")).extracting(JsonNode::asText).containsExactly(upload);
        assertThat(ready.at("/source/type").asText()).isEqualTo("hook");
        assertThat(ready.at("/source/app").asText()).isEqualTo("fireflies");
        JsonNode payload = ready.get("payload");
        assertThat(payload.get("date").asText()).isEqualTo("2025-10-18T12:00:00Z");
        assertThat(payload.get("duration").asDouble()).isEqualTo(12.5);
        assertThat(payload.at("/sentences/1/start_time").asDouble()).isEqualTo(1.5);
        assertThat(payload.at("/sentences/1/speaker_name").asText()).isEqualTo("Ana");
        assertThat(payload.at("/speakers/1/name").asText()).isEqualTo("Ana");
        assertThat(payload.at("/summary/keywords")).extracting(JsonNode::asText).containsExactly("upload", "standup");
        assertThat(payload.at("/user/email").asText()).isEqualTo("jarad@example.com");
        assertThat(payload.get("participants")).extracting(p -> p.get("email").asText())
                .containsExactly("ana@example.com", "jarad@example.com");

        JsonNode chain = api.get("/debug/correlation/" + readyId + "/chain?direction=ancestors").json();
        assertThat(chain.get("chain")).extracting(JsonNode::asText).containsExactly(upload, readyId);
    }

    @Test
    void should_publish_nothing_twice_when_fireflies_retries() throws Exception {
        String id = "T" + UUID.randomUUID().toString().substring(0, 8);
        fireflies.answeringTranscript(Transcripts.transcript(id));
        String body = "{\"meetingId\":\"%s\",\"eventType\":\"Transcription completed\"}".formatted(id);
        assertThat(notify(body).json().at("/events/0/status").asText()).isEqualTo("published");
        assertThat(notify(body).json().at("/events/0/status").asText()).isEqualTo("duplicate");
        assertThat(ready(1500, id)).hasSize(1);
    }

    @Test
    void should_accept_webhooks_v2_and_ignore_other_events() throws Exception {
        String id = "T" + UUID.randomUUID().toString().substring(0, 8);
        fireflies.answeringTranscript(Transcripts.transcript(id));
        String summarized = "{\"event\":\"meeting.summarized\",\"timestamp\":1760788800000,\"meeting_id\":\"%s\"}".formatted(id);
        assertThat(notify(summarized).json().at("/events/0/status").asText()).isEqualTo("ignored");
        String transcribed = "{\"event\":\"meeting.transcribed\",\"timestamp\":1760788800000,\"meeting_id\":\"%s\"}".formatted(id);
        Answer answer = api.post("/webhooks/fireflies", transcribed,
                Map.of("X-Hub-Signature", "sha256=" + Transcripts.signature(SECRET, transcribed)));
        assertThat(answer.json().at("/events/0/status").asText()).isEqualTo("published");
        assertThat(ready(1500, id)).hasSize(1);
    }

    @Test
    void should_accept_the_full_data_shape_and_n8n_array_without_asking_fireflies() throws Exception {
        String one = "T" + UUID.randomUUID().toString().substring(0, 8);
        String two = "T" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(notify("{\"data\":" + Transcripts.transcript(one) + "}").status()).isEqualTo(200);
        assertThat(notify("[{\"data\":" + Transcripts.transcript(two) + "}]").status()).isEqualTo(200);
        assertThat(fireflies.calls()).isEmpty();
        assertThat(ready(1500, one, two)).extracting(e -> e.at("/payload/date").asText())
                .containsExactly("2025-10-18T12:00:00Z", "2025-10-18T12:00:00Z");
    }
}
