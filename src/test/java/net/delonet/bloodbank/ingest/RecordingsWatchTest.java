package net.delonet.bloodbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings dropped into the watched folder, as a user drops them: one upload event per recording, ever. */
class RecordingsWatchTest {

    /** Generous: the machine running the tests may be busy, and a recording needs a quiet period first. */
    private static final long WAIT = 20_000;

    @TempDir Path temp;
    private BrokerProbe broker;
    private WatchedFolder folder;
    private RunningBloodbank bloodbank;

    @BeforeEach
    void start() {
        broker = new BrokerProbe();
        folder = new WatchedFolder(temp.resolve("Recordings"), broker);
        bloodbank = RunningBloodbank.start(folder.properties());
    }

    @AfterEach
    void stop() throws Exception {
        bloodbank.close();
        broker.close();
    }

    @Test
    void should_publish_a_slowly_written_recording_once_when_it_is_complete() throws Exception {
        Path file = folder.root.resolve("standup.mp3");
        Thread writer = new Thread(() -> {
            try {
                WatchedFolder.writeSlowly(file, 12, 250, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertThat(folder.during(1500)).as("nothing while the recording is being written").isEmpty();
        writer.join();

        List<JsonNode> events = folder.await(1, WAIT);
        assertThat(events).hasSize(1);
        JsonNode upload = events.get(0);
        assertThat(upload.get("event_type").asText()).isEqualTo("fireflies.transcript.upload");
        assertThat(upload.at("/source/type").asText()).isEqualTo("file_watch");
        assertThat(upload.at("/payload/media_file").asText()).isEqualTo(file.toString());
        assertThat(upload.at("/payload/media_type").asText()).isEqualTo("audio/mpeg");
        assertThat(upload.at("/payload/title").asText()).isEqualTo("standup");
        assertThat(upload.at("/payload/size_bytes").asLong()).isEqualTo(12 * 64 * 1024);
        assertThat(upload.at("/payload/media_duration_seconds").isMissingNode() || upload.at("/payload/media_duration_seconds").isNull()).isTrue();
        assertThat(upload.get("event_id").asText()).isEqualTo(EventIds.deterministic("fireflies.transcript.upload",
                Map.of("file_identity", RecordingFile.identity(file))).toString());
        assertThat(file).exists();
    }

    @Test
    void should_ignore_partial_and_hidden_files_and_publish_the_renamed_recording() throws Exception {
        Path partial = folder.root.resolve("call.m4a.part");
        WatchedFolder.writeSlowly(partial, 2, 0, 2);
        WatchedFolder.writeSlowly(folder.root.resolve(".call.m4a"), 2, 0, 3);
        WatchedFolder.writeSlowly(folder.root.resolve("call.m4a.crdownload"), 2, 0, 4);
        WatchedFolder.writeSlowly(folder.root.resolve("notes.txt"), 2, 0, 5);
        assertThat(folder.during(2500)).isEmpty();

        Files.move(partial, folder.root.resolve("call.m4a"));
        List<JsonNode> events = folder.await(1, WAIT);
        events.addAll(folder.during(1500));
        assertThat(events).extracting(e -> e.at("/payload/media_file").asText())
                .containsExactly(folder.root.resolve("call.m4a").toString());
        assertThat(events.get(0).at("/payload/media_type").asText()).isEqualTo("audio/mp4");
    }

    @Test
    void should_never_publish_a_recording_again_after_a_touch_a_copy_or_a_restart() throws Exception {
        Path file = folder.root.resolve("retro.wav");
        WatchedFolder.writeWav(file, 3, 6);
        List<JsonNode> published = folder.await(1, WAIT);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).at("/payload/media_type").asText()).isEqualTo("audio/wav");
        assertThat(published.get(0).at("/payload/media_duration_seconds").asDouble()).isEqualTo(3.0);

        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.createDirectories(folder.root.resolve("2025/10"));
        Files.copy(file, folder.root.resolve("2025/10/retro copy.wav"), StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(folder.during(2500)).as("touched and copied").isEmpty();

        // The same deployment again (its watcher state is named with its queue prefix).
        bloodbank = bloodbank.restart();
        // A recording written after the restart comes after anything the restart would have republished.
        WatchedFolder.writeSlowly(folder.root.resolve("2025/10/planning.ogg"), 3, 0, 7);
        List<JsonNode> afterRestart = folder.await(1, WAIT);
        afterRestart.addAll(folder.during(1500));
        assertThat(afterRestart).extracting(e -> e.at("/payload/title").asText()).containsExactly("planning");
    }

    @Test
    void should_report_a_recording_removed_while_it_was_written_and_keep_watching() throws Exception {
        Path file = folder.root.resolve("aborted.mp3");
        WatchedFolder.writeSlowly(file, 8, 250, 8);
        Files.delete(file);

        List<JsonNode> events = folder.await(1, WAIT);
        assertThat(events).hasSize(1);
        JsonNode failed = events.get(0);
        assertThat(failed.get("event_type").asText()).isEqualTo("fireflies.transcript.failed");
        assertThat(failed.at("/payload/failed_stage").asText()).isEqualTo("upload");
        assertThat(failed.at("/payload/error_code").asText()).isEqualTo("FILE_REMOVED");
        assertThat(failed.at("/payload/media_file").asText()).isEqualTo(file.toString());

        WatchedFolder.writeSlowly(folder.root.resolve("next.mp3"), 2, 0, 9);
        assertThat(folder.await(1, WAIT)).extracting(e -> e.get("event_type").asText())
                .containsExactly("fireflies.transcript.upload");
    }
}
