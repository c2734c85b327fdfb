package net.delonet.bloodbank.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.LogCapture;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RAG consumers and search API in the running service: real broker, Redis and embeddings. */
@BloodbankTest
class RagPipelineTest {

    private static final long WAIT_MS = 60_000;

    private RunningBloodbank bloodbank;
    private HttpApi api;
    private BrokerProbe broker;
    private String probe;

    @BeforeAll
    void bindProbe() {
        probe = broker.queueBoundTo("fireflies.transcript.processed", "fireflies.transcript.failed");
    }

    @Test
    void should_ingest_a_ready_transcript_publish_processed_in_its_chain_and_find_the_budget() throws Exception {
        String transcriptId = "rag-" + UUID.randomUUID();
        String upload = publish("fireflies.transcript.upload", "{\"media_file\":\"weekly-sync.mp3\"}");
        String readyPayload = EnvelopeJson.mapper().valueToTree(Meetings.weeklySync(transcriptId)).toString();
        String ready = publish("fireflies.transcript.ready", readyPayload, upload);

        JsonNode processed = awaitEvent(e -> e.at("/payload/transcript_id").asText().equals(transcriptId));
        assertThat(processed.get("event_type").asText()).isEqualTo("fireflies.transcript.processed");
        assertThat(processed.get("correlation_ids")).extracting(JsonNode::asText).containsExactly(ready);
        assertThat(processed.at("/source/app").asText()).isEqualTo("rag-ingester");
        JsonNode payload = processed.get("payload");
        assertThat(payload.get("rag_document_id").asText()).isEqualTo("transcript:" + transcriptId);
        assertThat(payload.get("title").asText()).isEqualTo("Weekly sync");
        assertThat(payload.get("sentence_count").asInt()).isEqualTo(25);
        assertThat(payload.get("speaker_count").asInt()).isEqualTo(3);
        assertThat(payload.get("chunk_count").asInt()).isPositive();
        assertThat(payload.get("embedding_model").asText()).isEqualTo("all-MiniLM-L6-v2");
        assertThat(payload.get("vector_store").asText()).isEqualTo("lucene-hnsw");
        assertThat(payload.get("ingestion_timestamp").asText()).isNotBlank();

        String processedId = processed.get("event_id").asText();
        // derived from the transcript and the ready event: a redelivered ready event republishes this same id
        assertThat(processedId).isEqualTo(EventIds.deterministic("fireflies.transcript.processed",
                Map.of("transcript_id", transcriptId, "ready_event_id", ready)).toString());
        assertThat(api.get("/debug/correlation/" + processedId + "/chain").json().get("chain"))
                .extracting(JsonNode::asText).containsExactly(upload, ready, processedId);

        JsonNode answer = search("How much money is left in the quarter's budget?&k=3&transcript_id=" + transcriptId);
        assertThat(answer.get("query").asText()).isEqualTo("How much money is left in the quarter's budget?");
        assertThat(answer.get("count").asInt()).isEqualTo(answer.get("hits").size()).isBetween(1, 3);
        JsonNode best = answer.get("hits").get(0);
        assertThat(best.get("kind").asText()).isEqualTo("transcript");
        assertThat(best.get("transcript_id").asText()).isEqualTo(transcriptId);
        // where the console opens the transcript's chain: the id Fireflies' webhook gives the ready event
        assertThat(best.get("ready_event_id").asText()).isEqualTo(EventIds.deterministic("fireflies.transcript.ready",
                Map.of("transcript_id", transcriptId)).toString());
        assertThat(best.get("title").asText()).isEqualTo("Weekly sync");
        assertThat(best.get("text").asText()).contains("budget").doesNotContain("skiing");
        assertThat(best.get("speakers")).extracting(JsonNode::asText).contains("Alice");
        assertThat(best.get("start_time").asDouble()).isLessThan(best.get("end_time").asDouble());
        assertThat(best.get("score").asDouble()).isPositive();
    }

    @Test
    void should_publish_a_processing_failure_for_a_transcript_it_cannot_read() throws Exception {
        String eventId = send("fireflies.transcript.ready", "{\"title\":\"no id\"}");

        JsonNode failed = awaitFailure(eventId);
        assertThat(failed.at("/payload/failed_stage").asText()).isEqualTo("processing");
        assertThat(failed.at("/payload/metadata/consumer").asText()).isEqualTo(ingester());
    }

    // Events it can never ingest, put straight onto its queue (as a replay or a stray binding would): each ends at its
    // first attempt as fireflies.transcript.failed saying why, in one log line per attempt.

    @Test
    void should_dead_letter_an_event_of_another_type_at_once_with_the_real_cause_in_two_log_lines() throws Exception {
        try (LogCapture log = new LogCapture()) {
            String eventId = send("fireflies.transcript.upload", "{\"media_file\":\"/home/me/Recordings/standup.mp3\"}");

            JsonNode failed = awaitFailure(eventId).get("payload");
            assertThat(failed.get("error_message").asText()).doesNotContain("Exception occurred during execution")
                    .contains("FirefliesEvents.Ready").contains("FirefliesEvents.Upload");
            assertThat(failed.get("is_retryable").asBoolean()).isFalse();
            assertThat(failed.at("/metadata/attempts").asInt()).isOne();

            // the dead-letter line comes once the .failed event is out
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<LogCapture.Line> mine = log.mentioning(eventId);
                assertThat(mine).filteredOn(line -> line.message().contains("attempt 1/4")).singleElement()
                        .satisfies(line -> assertThat(line.level()).isEqualTo(Level.WARN));
                assertThat(mine).filteredOn(line -> line.message().contains("dead-lettered")).hasSize(1);
                assertThat(mine).hasSize(2);
            });
            assertThat(log.lines()).noneMatch(line -> line.level() == Level.ERROR || line.stackTrace());
        }
    }

    @Test
    void should_dead_letter_a_transcript_lucene_refuses_at_once_with_lucenes_reason() throws Exception {
        Sentence hello = new Sentence(0, "Hello, can everyone hear me?", null, "Dan", "s1", 0.0, 2.0);
        String eventId = send("fireflies.transcript.ready", ready("x".repeat(40_000), List.of(hello)));

        JsonNode failed = awaitFailure(eventId).get("payload");
        assertThat(failed.get("error_message").asText()).contains("immense term");
        assertThat(failed.get("is_retryable").asBoolean()).isFalse();
        assertThat(failed.at("/metadata/attempts").asInt()).isOne();
    }

    @Test
    void should_fail_a_transcript_without_words_as_a_processing_failure() throws Exception {
        Sentence blank = new Sentence(0, "  ", null, "Dan", "s1", 0.0, 2.0);
        for (List<Sentence> sentences : List.of(List.<Sentence>of(), List.of(blank, blank))) {
            String eventId = send("fireflies.transcript.ready", ready("empty-" + UUID.randomUUID(), sentences));

            JsonNode failed = awaitFailure(eventId);
            assertThat(failed.at("/payload/failed_stage").asText()).isEqualTo("processing");
            assertThat(failed.at("/payload/error_code").asText()).isEqualTo("empty_transcript");
            assertThat(failed.at("/payload/is_retryable").asBoolean()).isFalse();
        }
    }

    private static String ready(String id, List<Sentence> sentences) {
        return EnvelopeJson.mapper().valueToTree(Meetings.ready(id, "Silence", sentences)).toString();
    }

    /** This replica's rag-ingester (docs/replicas.md: every replica reads a queue of its own). */
    private String ingester() {
        return "rag-ingester-" + bloodbank.context().resolvePropertyPlaceholders("{{bloodbank.replica-id}}");
    }

    /** An envelope straight onto the rag-ingester's queue; its event id. */
    private String send(String type, String payload) {
        String eventId = UUID.randomUUID().toString();
        String envelope = """
                {"event_id":"%s","event_type":"%s","timestamp":"2026-01-01T00:00:00Z","version":"2.0.0",
                 "source":{"host":"test","type":"hook"},"correlation_ids":[],"payload":%s}"""
                .formatted(eventId, type, payload);
        broker.publishTo(bloodbank.topology().queue(ingester()), new AMQP.BasicProperties.Builder().messageId(eventId)
                .type(type).contentType("application/json").build(), envelope.getBytes(StandardCharsets.UTF_8));
        return eventId;
    }

    /** The outcome whose parent is {@code eventId}: fireflies.transcript.failed (a processed one fails the test). */
    private JsonNode awaitFailure(String eventId) throws Exception {
        JsonNode outcome = awaitEvent(e -> e.get("correlation_ids").path(0).asText().equals(eventId));
        assertThat(outcome.get("event_type").asText()).as(outcome.toString()).isEqualTo("fireflies.transcript.failed");
        return outcome;
    }

    @Test
    void should_make_artifact_content_searchable_until_it_is_deleted() throws Exception {
        String artifactId = "doc-" + UUID.randomUUID();
        assertSearchableUntilDeleted(artifactId, """
                {"artifact_id":"%s","title":"Espresso guide","content":"Grind the coffee beans finely and pull \
                the espresso shot for twenty-five seconds at nine bars of pressure."}""".formatted(artifactId),
                "{\"artifact_id\":\"" + artifactId + "\"}", "how long should an espresso shot take?&k=5", "Espresso guide");
    }

    /** The original producers' artifact (action, kind, uri; no id) is indexed under its uri, and deleted the same way. */
    @Test
    void should_index_the_original_producers_artifact_by_its_uri_until_deleted() throws Exception {
        String uri = "/home/me/notes/" + UUID.randomUUID() + ".md";
        assertSearchableUntilDeleted(uri, """
                {"action":"created","kind":"file","uri":"%s","title":"Sourdough","content":"Feed the sourdough \
                starter with rye flour twice a day and keep it near the warm oven.","metadata":{}}""".formatted(uri),
                "{\"action\":\"deleted\",\"kind\":\"file\",\"uri\":\"" + uri + "\"}",
                "How often should the sourdough starter be fed?", "Sourdough");
    }

    private void assertSearchableUntilDeleted(String artifactId, String created, String deleted, String question,
            String title) throws Exception {
        publish("artifact.created", created);
        assertThat(awaitHit(question, artifactId, true).get("title").asText()).isEqualTo(title);
        publish("artifact.deleted", deleted);
        awaitHit(question, artifactId, false);
    }

    /** The original's speakers are names; its times have no offset (Python's naive UTC). */
    @Test
    void should_ingest_a_transcript_whose_speakers_are_names() throws Exception {
        String transcriptId = "names-" + UUID.randomUUID();
        publish("fireflies.transcript.ready", """
                {"id":"%s","title":"Names only","date":"2025-10-18T12:00:00","speakers":["Alice","Bob"],
                 "sentences":[{"index":0,"text":"We ship on Friday.","start_time":0.0,"end_time":2.0},
                              {"index":1,"text":"Then we rest.","start_time":2.0,"end_time":3.5}]}""".formatted(transcriptId));

        JsonNode processed = awaitEvent(e -> e.at("/payload/transcript_id").asText().equals(transcriptId));
        assertThat(processed.get("event_type").asText()).isEqualTo("fireflies.transcript.processed");
        assertThat(processed.at("/payload/speaker_count").asInt()).isEqualTo(2);
        assertThat(processed.at("/payload/sentence_count").asInt()).isEqualTo(2);
    }

    @Test
    void should_refuse_a_search_without_a_question_or_with_a_bad_k() {
        assertRefused("/rag/search", "q");
        assertRefused("/rag/search?q=%20", "q");
        assertRefused("/rag/search?q=budget&k=ten", "k");
        assertRefused("/rag/search?q=budget&k=0", "k");
        assertRefused("/rag/search?q=budget&k=51", "k");
    }

    private void assertRefused(String path, String field) {
        HttpApi.Answer answer = api.get(path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo(field);
    }

    private String publish(String type, String payload, String... parents) throws Exception {
        ObjectNode request = EnvelopeJson.mapper().createObjectNode().put("event_type", type);
        request.set("payload", EnvelopeJson.mapper().readTree(payload));
        for (String parent : parents) {
            request.withArrayProperty("correlation_ids").add(parent);
        }
        HttpApi.Answer answer = api.post("/events", request.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("event_id").asText();
    }

    private JsonNode search(String queryAndParameters) {
        int amp = queryAndParameters.indexOf('&');
        String q = amp < 0 ? queryAndParameters : queryAndParameters.substring(0, amp);
        String rest = amp < 0 ? "" : queryAndParameters.substring(amp);
        HttpApi.Answer answer = api.get("/rag/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + rest);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Polls the search until the artifact is among the hits (or, with {@code present} false, is gone). */
    private JsonNode awaitHit(String question, String artifactId, boolean present) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            JsonNode hit = null;
            for (JsonNode one : search(question).get("hits")) {
                hit = one.path("artifact_id").asText().equals(artifactId) ? one : hit;
            }
            if ((hit != null) == present) {
                return hit;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("artifact " + artifactId + (present ? " never found" : " still found"));
    }

    private JsonNode awaitEvent(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            GetResponse message = broker.take(probe, 1000);
            if (message != null) {
                JsonNode event = EnvelopeJson.mapper().readTree(message.getBody());
                if (wanted.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no such event on the probe queue within " + WAIT_MS + " ms");
    }
}
