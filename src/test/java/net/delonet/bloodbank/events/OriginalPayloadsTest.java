package net.delonet.bloodbank.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python Bloodbank's producers keep working unchanged: their payloads, in the envelope they send (source,
 * version 1.0.0, correlation_ids, Pydantic's times), are accepted and reach a consumer as the typed record.
 */
@BloodbankTest
class OriginalPayloadsTest {

    private final String name = "orig-" + UUID.randomUUID().toString().substring(0, 8);
    private final RecordingHandler handler = new RecordingHandler();
    private RunningBloodbank bloodbank;
    private HttpApi api;

    @BeforeAll
    void addConsumer() {
        Consumers.add(bloodbank, name, "artifact.#,github.pr.created,fireflies.transcript.ready,fireflies.transcript.upload",
                handler);
    }

    /** The envelope as the original's {@code EventEnvelope.model_dump(mode="json")} writes it. */
    static String original(String eventId, String type, String payload) {
        return """
                {"event_id":"%s","event_type":"%s","timestamp":"2026-01-05T09:30:00.123456Z","version":"1.0.0",
                 "source":{"host":"workstation","type":"file_watch","app":"bloodbank-watcher","meta":null},
                 "correlation_ids":[],"agent_context":null,"payload":%s}""".formatted(eventId, type, payload);
    }

    private Object sendAndReceive(String type, String payload) {
        String eventId = UUID.randomUUID().toString();
        Answer answer = api.post("/events", original(eventId, type, payload));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> handler.calls(eventId).size() == 1);
        return handler.calls(eventId).get(0).body();
    }

    @Test
    void should_take_the_file_watchers_artifact_with_its_id_from_the_uri() {
        Object body = sendAndReceive("artifact.updated", """
                {"action":"updated","kind":"file","uri":"/home/me/code/a.py","title":null,"content":null,"metadata":{}}""");
        assertThat(body).isInstanceOfSatisfying(ArtifactEvents.Artifact.class, artifact -> {
            assertThat(artifact.artifactId()).isEqualTo("/home/me/code/a.py");
            assertThat(artifact.action()).isEqualTo(ArtifactEvents.Action.UPDATED);
            assertThat(artifact.kind()).isEqualTo("file");
            assertThat(artifact.metadata()).isEmpty();
        });
    }

    @Test
    void should_take_an_original_deleted_artifact_and_default_its_metadata() {
        Object body = sendAndReceive("artifact.deleted", """
                {"action":"deleted","kind":"file","uri":"/home/me/code/gone.py"}""");
        assertThat(body).isInstanceOfSatisfying(ArtifactEvents.Artifact.class, artifact -> {
            assertThat(artifact.artifactId()).isEqualTo("/home/me/code/gone.py");
            assertThat(artifact.metadata()).isEqualTo(Map.of());
        });
    }

    @Test
    void should_take_a_pull_request_as_a_pointer_to_the_cache() {
        assertThat(sendAndReceive("github.pr.created", """
                {"cache_key":"pr:owner/repo:42","cache_type":"file"}"""))
                .isEqualTo(new GithubEvents.PrCreated(null, null, null, null, null, null, null, null, "pr:owner/repo:42", GithubEvents.CacheType.FILE));
        assertThat(sendAndReceive("github.pr.created", "{\"cache_key\":\"pr:owner/repo:43\"}"))
                .isEqualTo(new GithubEvents.PrCreated(null, null, null, null, null, null, null, null, "pr:owner/repo:43", GithubEvents.CacheType.REDIS));
    }

    @Test
    void should_take_speakers_as_names_and_times_without_an_offset() {
        Object body = sendAndReceive("fireflies.transcript.ready", """
                {"id":"tr-1","title":"Standup","date":"2025-10-18T12:00:00","duration":12.5,
                 "transcript_url":"https://app.fireflies.ai/view/tr-1",
                 "sentences":[{"index":0,"text":"Hello","speaker_name":"Alice","start_time":0.0,"end_time":1.0}],
                 "speakers":["Alice","Bob"]}""");
        assertThat(body).isInstanceOfSatisfying(FirefliesEvents.Ready.class, ready -> {
            assertThat(ready.speakers()).containsExactly(new FirefliesEvents.Speaker(null, "Alice"),
                    new FirefliesEvents.Speaker(null, "Bob"));
            assertThat(ready.date()).isEqualTo(OffsetDateTime.of(2025, 10, 18, 12, 0, 0, 0, ZoneOffset.UTC));
        });
    }

    @Test
    void should_take_the_original_upload_request() {
        Object body = sendAndReceive("fireflies.transcript.upload", """
                {"media_file":"/home/me/Recordings/standup.mp3","media_duration_seconds":1834.5,"media_type":"audio/mpeg",
                 "title":null,"user_id":"jarad","created_at":"2025-10-18T12:00:00.123456"}""");
        assertThat(body).isInstanceOfSatisfying(FirefliesEvents.Upload.class, upload -> {
            assertThat(upload.mediaDurationSeconds()).isEqualTo(1834.5);
            assertThat(upload.userId()).isEqualTo("jarad");
            assertThat(upload.createdAt()).isEqualTo(OffsetDateTime.of(2025, 10, 18, 12, 0, 0, 123_456_000, ZoneOffset.UTC));
        });
    }

    @Test
    void should_still_take_the_richer_shapes() {
        assertThat(sendAndReceive("artifact.created", "{\"artifact_id\":\"doc-1\",\"title\":\"Notes\"}"))
                .isInstanceOfSatisfying(ArtifactEvents.Artifact.class, a -> assertThat(a.artifactId()).isEqualTo("doc-1"));
        assertThat(sendAndReceive("github.pr.created", """
                {"repository":"owner/repo","number":7,"title":"Fix","url":"https://github.com/owner/repo/pull/7"}"""))
                .isInstanceOfSatisfying(GithubEvents.PrCreated.class, pr -> assertThat(pr.number()).isEqualTo(7));
        assertThat(sendAndReceive("fireflies.transcript.ready", "{\"id\":\"tr-2\",\"speakers\":[{\"id\":\"s1\",\"name\":\"Alice\"}]}"))
                .isInstanceOfSatisfying(FirefliesEvents.Ready.class,
                        r -> assertThat(r.speakers()).containsExactly(new FirefliesEvents.Speaker("s1", "Alice")));
    }

    /** The Python {@code Publisher} writes straight to amq.topic: the consumer reads that envelope the same way. */
    @Test
    void should_hand_a_consumer_the_envelope_the_python_publisher_put_on_the_exchange() throws Exception {
        String eventId = UUID.randomUUID().toString();
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).messageId(eventId).build();
        try (BrokerProbe broker = new BrokerProbe()) {
            broker.publish("artifact.created", props, original(eventId, "artifact.created", """
                    {"action":"created","kind":"note","uri":"notes/today.md","content":"Buy milk"}""")
                    .getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> handler.calls(eventId).size() == 1);
        assertThat(handler.calls(eventId).get(0).body()).isInstanceOfSatisfying(ArtifactEvents.Artifact.class,
                artifact -> assertThat(artifact.artifactId()).isEqualTo("notes/today.md"));
    }

    @Test
    void should_refuse_a_payload_of_neither_shape_naming_the_field() {
        assertRefused(api.post("/events", original(UUID.randomUUID().toString(), "artifact.created",
                "{\"action\":\"created\",\"kind\":\"file\"}")), "payload.uri");
        assertRefused(api.post("/events", original(UUID.randomUUID().toString(), "artifact.created",
                "{\"action\":\"moved\",\"kind\":\"file\",\"uri\":\"/a\"}")), "payload.action");
        assertRefused(api.post("/events", original(UUID.randomUUID().toString(), "github.pr.created",
                "{\"cache_key\":\"pr:o/r:1\",\"cache_type\":\"s3\"}")), "payload.cache_type");
        assertRefused(api.post("/events", original(UUID.randomUUID().toString(), "github.pr.created",
                "{\"repository\":\"o/r\",\"number\":1}")), "payload.title");
        assertRefused(api.post("/events", original(UUID.randomUUID().toString(), "fireflies.transcript.ready",
                "{\"id\":\"t\",\"speakers\":[7]}")), "payload.speakers[0]");
    }

    @Test
    void should_describe_both_shapes_in_the_schemas() {
        JsonNode artifact = api.get("/events/types/artifact.updated").json().get("schema");
        assertThat(artifact.at("/anyOf/0/required").toString()).isEqualTo("[\"artifact_id\"]");
        assertThat(artifact.at("/anyOf/1/required").toString()).isEqualTo("[\"action\",\"kind\",\"uri\"]");
        assertThat(artifact.at("/properties/action/enum").toString()).isEqualTo("[\"created\",\"updated\",\"deleted\"]");
        assertThat(api.get("/events/types/artifact.deleted").json().at("/schema/anyOf")).hasSize(2);
        JsonNode pr = api.get("/events/types/github.pr.created").json().get("schema");
        assertThat(pr.at("/anyOf/1/required").toString()).isEqualTo("[\"cache_key\"]");
        assertThat(pr.at("/properties/cache_type/enum").toString()).isEqualTo("[\"redis\",\"memory\",\"file\"]");
        assertThat(pr.at("/properties/cache_type/default").asText()).isEqualTo("redis");
        JsonNode speaker = api.get("/events/types/fireflies.transcript.ready").json().at("/schema/properties/speakers/items");
        assertThat(speaker.at("/anyOf/0/type").asText()).isEqualTo("string");
        assertThat(speaker.at("/anyOf/1/properties/name/type").asText()).isEqualTo("string");
        JsonNode upload = api.get("/events/types/fireflies.transcript.upload").json().at("/schema/properties");
        assertThat(upload.at("/created_at/format").asText()).isEqualTo("date-time");
        assertThat(upload.has("user_id")).isTrue();
        JsonNode failed = api.get("/events/types/fireflies.transcript.failed").json().at("/schema/required");
        assertThat(failed.toString()).contains("\"failed_stage\"");
    }

    private static void assertRefused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("field").asText()).as(answer.body()).isEqualTo(field);
        assertThat(answer.json().get("error").asText()).contains(field);
    }
}
