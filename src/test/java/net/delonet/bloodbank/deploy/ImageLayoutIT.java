package net.delonet.bloodbank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.rag.Meetings;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The image as deployed (issue 12): the Dockerfile's runtime stage laid out by {@link RuntimeImage}, run as its USER
 * with a read-only root, only its VOLUMEs writable and the recordings mounted read-only, under the Kubernetes memory
 * limit, against the local RabbitMQ and Redis. Ready, publish, a transcript ingested and found, a recording
 * published once and remembered across a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageLayoutIT {

    /** The model's first load alone took minutes on the shared 2-core machine (load average 30). */
    private static final long WAIT_MS = 600_000;

    private final String prefix = "bbimage-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final String transcriptId = "image-" + UUID.randomUUID();
    private ImageRun run;
    private BrokerProbe broker;
    private String uploads;
    private Path recordings;

    @BeforeAll
    void layOut() throws Exception {
        Assumptions.assumeTrue(ImageRun.possible(), "laying the image out needs root (unshare, mount, chroot): skipped");
        recordings = Files.createDirectories(Path.of("target", "image-recordings-" + prefix));
        run = new ImageRun(recordings, Map.of("QUEUE_PREFIX", prefix, "WATCH_QUIET_MS", "500", "WATCH_POLL_MS", "250"));
        broker = new BrokerProbe();
        uploads = broker.queueBoundTo("fireflies.transcript.upload");
        run.start();
    }

    @AfterAll
    void tearDown() throws Exception {
        if (run != null) {
            run.close();
            broker.delete(run.queuesNamed(prefix).toArray(String[]::new));
            broker.close();
        }
        if (recordings != null) {
            try (var files = Files.walk(recordings)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void should_accept_an_event_with_202() {
        HttpApi.Answer answer = run.http().post("/events", "{\"event_type\":\"demo.thing.done\",\"payload\":{}}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    @Test
    @Order(2)
    void should_ingest_a_ready_transcript_into_the_index_on_its_volume() throws Exception {
        ObjectNode request = EnvelopeJson.mapper().createObjectNode().put("event_type", "fireflies.transcript.ready");
        request.set("payload", EnvelopeJson.mapper().valueToTree(Meetings.weeklySync(transcriptId)));
        HttpApi.Answer answer = run.http().post("/events", request.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(awaitBudgetHit().get("transcript_id").asText()).isEqualTo(transcriptId);
        assertThat(run.image().onHost(run.image().env().get("RAG_INDEX_DIR"))).isNotEmptyDirectory();
    }

    @Test
    @Order(3)
    void should_publish_a_recording_once_and_remember_it_across_a_restart() throws Exception {
        String first = recording();
        awaitUpload(first);
        assertThat(run.image().onHost(run.image().env().get("BLOODBANK_STATE_DIR"))).isNotEmptyDirectory();

        run.restart();
        // a recording added after the restart is published; the first, seen in the same scans, is not again
        String second = recording();
        String published = awaitUpload(second);
        assertThat(published).doesNotContain(first);
        // and the index on the volume still holds the transcript
        assertThat(awaitBudgetHit().get("transcript_id").asText()).isEqualTo(transcriptId);
    }

    @Test
    @Order(4)
    void should_stay_within_the_kubernetes_memory_limit() throws IOException {
        run.assertWithinMemoryLimit();
    }

    private String recording() throws IOException {
        String name = "standup-" + UUID.randomUUID() + ".mp3";
        byte[] audio = new byte[64 * 1024];
        new Random().nextBytes(audio);
        Files.write(recordings.resolve(name), audio);
        return name;
    }

    /** Waits for the upload event of {@code name}; answers the media files of every upload seen until then. */
    private String awaitUpload(String name) throws Exception {
        StringBuilder seen = new StringBuilder();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            GetResponse message = broker.take(uploads, 1000);
            if (message != null) {
                String file = EnvelopeJson.mapper().readTree(message.getBody()).at("/payload/media_file").asText();
                if (file.endsWith("/" + name)) {
                    return seen.toString();
                }
                seen.append(file).append('\n');
            }
        }
        throw new AssertionError("no upload event for " + name + " within " + WAIT_MS + " ms:\n" + run.log());
    }

    private JsonNode awaitBudgetHit() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            HttpApi.Answer answer;
            try {
                answer = run.http().get("/rag/search?q=budget&k=1&transcript_id=" + transcriptId);
            } catch (IllegalStateException slowerThanTheClientWaits) {
                continue;   // the first search loads the model
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            if (answer.json().get("count").asInt() > 0) {
                return answer.json().get("hits").get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("transcript " + transcriptId + " never found:\n" + run.log());
    }
}
