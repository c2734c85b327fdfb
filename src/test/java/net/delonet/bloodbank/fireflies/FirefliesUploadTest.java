package net.delonet.bloodbank.fireflies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploader with a stand-in Fireflies, and the flagship chain: recording → upload → uploadAudio → download → webhook → ready. */
class FirefliesUploadTest {

    private static final String SECRET = "0123456789abcdef0123";
    @TempDir Path temp;
    private FirefliesStandIn fireflies;
    private BrokerProbe broker;
    private RunningBloodbank bloodbank;
    private HttpApi api;

    @BeforeEach
    void start() throws Exception {
        fireflies = new FirefliesStandIn().answering(200,
                "{\"data\":{\"uploadAudio\":{\"success\":true,\"title\":\"standup\",\"message\":\"Uploaded audio has been queued for processing.\"}}}");
        Map<String, String> settings = new HashMap<>(Map.of("bloodbank.fireflies.api-url", fireflies.url(),
                "bloodbank.fireflies.api-key", "test-key", "bloodbank.fireflies.webhook-secret", SECRET,
                "bloodbank.fireflies.uploader.enabled", "true",
                "bloodbank.fireflies.retries", "2", "bloodbank.fireflies.retry-delay-ms", "100",
                "bloodbank.recordings.public-base-url", "http://127.0.0.1:{{camel.server.port}}"));
        settings.putAll(Map.of("bloodbank.watch.path", temp.resolve("Recordings").toString(),
                "bloodbank.watch.state-dir", temp.resolve("state").toString(),
                "bloodbank.watch.quiet-ms", "500", "bloodbank.watch.poll-ms", "150"));
        bloodbank = RunningBloodbank.start(settings);
        // after the start: with the embedded profile, the broker runs inside the application
        broker = new BrokerProbe();
        api = bloodbank.http();
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
        bloodbank.close();
        fireflies.close();
    }

    /** The first uploadAudio call Fireflies received for a recording of this test. */
    private JsonNode uploadAudioInput() {
        await().atMost(Duration.ofSeconds(30)).until(() -> fireflies.calls().stream()
                .anyMatch(c -> c.body().at("/variables/input/url").asText().contains("/recordings/")));
        return fireflies.calls().stream().map(c -> c.body().at("/variables/input"))
                .filter(i -> i.path("url").asText().contains("/recordings/")).findFirst().orElseThrow();
    }

    @Test
    void should_take_a_recording_to_a_ready_transcript_whose_ancestor_is_its_upload() throws Exception {
        Path file = temp.resolve("Recordings/standup.mp3");
        Files.createDirectories(file.getParent());
        Files.write(file, "ID3 not really audio".repeat(1000).getBytes());

        JsonNode input = uploadAudioInput();
        String upload = input.get("client_reference_id").asText();
        assertThat(input.get("title").asText()).isEqualTo("standup");
        assertThat(fireflies.calls().get(0).body().get("query").asText()).contains("uploadAudio(input: $input)");

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(input.get("url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("audio/mpeg");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(file));
        String forged = input.get("url").asText().replaceFirst("/recordings/.", "/recordings/X");
        assertThat(api.get(forged.substring(forged.indexOf("/recordings/"))).status()).isEqualTo(404);

        String transcript = "T" + UUID.randomUUID().toString().substring(0, 8);
        fireflies.answeringTranscript(Transcripts.transcript(transcript));
        String notice = "{\"meetingId\":\"%s\",\"eventType\":\"Transcription completed\",\"clientReferenceId\":\"%s\"}"
                .formatted(transcript, upload);
        HttpApi.Answer answer = api.post("/webhooks/fireflies", notice, Map.of("x-hub-signature", Transcripts.signature(SECRET, notice)));
        assertThat(answer.status()).isEqualTo(202);
        String ready = EventIds.deterministic("fireflies.transcript.ready", Map.of("transcript_id", transcript)).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/debug/correlation/" + ready).status() == 200);

        JsonNode chain = api.get("/debug/correlation/" + ready + "/chain?direction=ancestors").json();
        assertThat(chain.get("chain")).extracting(JsonNode::asText).containsExactly(upload, ready);
        assertThat(EnvelopeJson.mapper().readTree(api.get("/debug/correlation/" + upload).body()).get("metadata")
                .get("event_type").asText()).isEqualTo("fireflies.transcript.upload");
    }

    @Test
    void should_retry_with_backoff_then_dead_letter_on_the_deployments_queue_and_publish_the_failure() throws Exception {
        String failedQueue = broker.queueBoundTo("fireflies.transcript.failed");
        fireflies.answering(503, "<html>Service Unavailable</html>");
        Path file = temp.resolve("Recordings/retro.m4a");
        Files.createDirectories(file.getParent());
        Files.write(file, "not really audio".repeat(500).getBytes());

        String upload = uploadAudioInput().get("client_reference_id").asText();
        JsonNode failed = awaitFailureOf(failedQueue, upload);
        assertThat(failed.at("/payload/failed_stage").asText()).isEqualTo("upload");
        assertThat(failed.at("/payload/is_retryable").asBoolean()).isTrue();
        assertThat(failed.at("/payload/retry_count").asInt()).isEqualTo(2);
        assertThat(failed.at("/payload/error_message").asText()).contains("HTTP 503");
        assertThat(failed.at("/payload/media_file").asText()).isEqualTo(file.toString());
        assertThat(fireflies.calls()).hasSize(3);
        // QUEUE_PREFIX (RunningBloodbank gives each deployment a random one) names the uploader's queues too
        String prefix = bloodbank.context().resolvePropertyPlaceholders("{{bloodbank.queue-prefix}}");
        assertThat(bloodbank.topology().queue("fireflies-uploader")).isEqualTo(prefix + "fireflies-uploader");
        // once (the other tests' refusals are dead-lettered on the same queue)
        assertThat(broker.drain(bloodbank.topology().deadLetters("fireflies-uploader"), 1000))
                .extracting(m -> m.getProps().getMessageId()).filteredOn(upload::equals).hasSize(1);
    }

    @Test
    void should_refuse_to_hand_out_a_file_outside_the_watched_folder() throws Exception {
        String failedQueue = broker.queueBoundTo("fireflies.transcript.failed");
        String upload = api.post("/events", "{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{\"media_file\":\"/etc/hostname\"}}")
                .json().get("event_id").asText();
        JsonNode failed = awaitFailureOf(failedQueue, upload);
        assertThat(failed.at("/payload/is_retryable").asBoolean()).isFalse();
        assertThat(failed.at("/payload/error_message").asText()).contains("not a file under the watched folder");
        assertThat(fireflies.calls()).noneMatch(c -> c.body().toString().contains("hostname"));
    }

    private JsonNode awaitFailureOf(String failedQueue, String upload) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var message = broker.take(failedQueue, 1000);
            if (message != null) {
                JsonNode event = EnvelopeJson.mapper().readTree(message.getBody());
                if (event.get("correlation_ids").toString().contains(upload)) {
                    return event;
                }
            }
        }
        throw new AssertionError("No fireflies.transcript.failed for upload " + upload);
    }
}
