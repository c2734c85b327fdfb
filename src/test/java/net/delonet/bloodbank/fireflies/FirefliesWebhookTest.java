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
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /webhooks/fireflies with a real local server standing in for Fireflies' GraphQL API. */
@BloodbankTest({"bloodbank.fireflies.api-key=test-key", "bloodbank.fireflies.webhook-secret=" + FirefliesWebhookTest.SECRET,
        "bloodbank.watch.enabled=false"})
class FirefliesWebhookTest {

    static final String SECRET = "0123456789abcdef0123";
    private final FirefliesStandIn fireflies = new FirefliesStandIn();
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private String queue;

    @BeforeAll
    void bindReady() {
        queue = broker.queueBoundTo("fireflies.transcript.ready");
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

    /** The ready events for these transcripts: waits (up to 30 s) until {@code expected} arrived, then 500 ms for more. */
    private List<JsonNode> awaitReady(int expected, String... transcriptIds) throws Exception {
        List<JsonNode> ours = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (ours.size() < expected && System.currentTimeMillis() < deadline) {
            GetResponse m = broker.take(queue, 500);
            JsonNode envelope = m == null ? null : EnvelopeJson.mapper().readTree(m.getBody());
            if (envelope != null && List.of(transcriptIds).contains(envelope.at("/payload/id").asText())) {
                ours.add(envelope);
            }
        }
        ours.addAll(ready(500, transcriptIds));
        return ours;
    }

    @Test
    void should_fetch_the_transcript_and_publish_it_ready_with_the_upload_as_parent() throws Exception {
        String upload = api.post("/events", "{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{\"media_file\":\"/r/s.mp3\"}}")
                .json().get("event_id").asText();
        String id = "T" + UUID.randomUUID().toString().substring(0, 8);
        fireflies.answeringTranscript(Transcripts.transcript(id));

        Answer answer = notify("{\"meetingId\":\"%s\",\"eventType\":\"Transcription completed\",\"clientReferenceId\":\"%s\"}".formatted(id, upload));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String completedId = EventIds.deterministic("fireflies.transcript.completed", Map.of("transcript_id", id)).toString();
        assertThat(answer.json().at("/events/0/event_id").asText()).isEqualTo(completedId);
        assertThat(answer.json().at("/events/0/status").asText()).isEqualTo("accepted");
        JsonNode ready = awaitReady(1, id).get(0);
        assertThat(fireflies.calls()).hasSize(1);
        assertThat(fireflies.calls().get(0).authorization()).isEqualTo("Bearer test-key");
        assertThat(fireflies.calls().get(0).body().at("/variables/id").asText()).isEqualTo(id);
        assertThat(fireflies.calls().get(0).body().get("query").asText()).contains("transcript(id: $id)", "sentences", "speaker_name");

        String readyId = EventIds.deterministic("fireflies.transcript.ready", Map.of("transcript_id", id)).toString();
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
    void should_answer_at_once_while_fireflies_is_slow_and_publish_the_transcript_later() throws Exception {
        String id = "T" + UUID.randomUUID().toString().substring(0, 8);
        // a first call, so that the one measured is not the application's first publish (slow on a loaded machine)
        notify("{\"event\":\"meeting.summarized\",\"meeting_id\":\"%s\"}".formatted(id));
        fireflies.answeringTranscript(Transcripts.transcript(id)).slowedBy(6000);
        try {
            long start = System.nanoTime();
            Answer answer = notify("{\"meetingId\":\"%s\",\"eventType\":\"Transcription completed\"}".formatted(id));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            assertThat(tookMillis).as("answered long before Fireflies did").isLessThan(3000);
            assertThat(awaitReady(1, id)).hasSize(1);
        } finally {
            fireflies.slowedBy(0);
        }
    }

    @Test
    void should_publish_one_transcript_when_fireflies_delivers_twice() throws Exception {
        String id = "T" + UUID.randomUUID().toString().substring(0, 8);
        fireflies.answeringTranscript(Transcripts.transcript(id));
        String body = "{\"meetingId\":\"%s\",\"eventType\":\"Transcription completed\"}".formatted(id);
        Answer first = notify(body);
        assertThat(awaitReady(1, id)).hasSize(1);
        Answer again = notify(body);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().at("/events/0/event_id")).isEqualTo(first.json().at("/events/0/event_id"));
        assertThat(ready(3000, id)).as("the repeated delivery publishes no second transcript").isEmpty();
        assertThat(fireflies.calls()).as("nor fetches it again").hasSize(1);
    }

    @Test
    void should_accept_webhooks_v2_and_ignore_other_events() throws Exception {
        String id = "T" + UUID.randomUUID().toString().substring(0, 8);
        fireflies.answeringTranscript(Transcripts.transcript(id));
        String summarized = "{\"event\":\"meeting.summarized\",\"timestamp\":1760788800000,\"meeting_id\":\"%s\"}".formatted(id);
        Answer ignored = notify(summarized);
        assertThat(ignored.status()).isEqualTo(202);
        assertThat(ignored.json().at("/events/0/status").asText()).isEqualTo("ignored");
        String transcribed = "{\"event\":\"meeting.transcribed\",\"timestamp\":1760788800000,\"meeting_id\":\"%s\"}".formatted(id);
        Answer answer = api.post("/webhooks/fireflies", transcribed,
                Map.of("X-Hub-Signature", "sha256=" + Transcripts.signature(SECRET, transcribed)));
        assertThat(answer.json().at("/events/0/status").asText()).isEqualTo("accepted");
        assertThat(awaitReady(1, id)).hasSize(1);
    }

    @Test
    void should_accept_the_full_data_shape_and_n8n_array_without_asking_fireflies() throws Exception {
        String one = "T" + UUID.randomUUID().toString().substring(0, 8);
        String two = "T" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(notify("{\"data\":" + Transcripts.transcript(one) + "}").status()).isEqualTo(202);
        assertThat(notify("[{\"data\":" + Transcripts.transcript(two) + "}]").status()).isEqualTo(202);
        List<JsonNode> ready = awaitReady(2, one, two);
        assertThat(fireflies.calls()).isEmpty();
        assertThat(ready).extracting(e -> e.at("/payload/date").asText())
                .containsExactly("2025-10-18T12:00:00Z", "2025-10-18T12:00:00Z");
    }

    @Test
    void should_leave_the_uploader_off_with_no_queue_filling_up_unless_enabled() {
        String prefix = bloodbank.context().resolvePropertyPlaceholders("{{bloodbank.queue-prefix}}");
        assertThat(bloodbank.topology().hasConsumer("fireflies-uploader")).isFalse();
        assertThat(broker.exists(prefix + "fireflies-uploader")).isFalse();
        assertThat(bloodbank.topology().queue("fireflies-transcripts")).isEqualTo(prefix + "fireflies-transcripts");
    }
}
