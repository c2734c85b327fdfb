package net.delonet.bloodbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's state belongs to a deployment (its QUEUE_PREFIX), like its queues; an earlier version's is adopted. */
class WatcherStateTest {

    private static final long WAIT = 20_000;

    @TempDir Path temp;

    @Test
    void should_let_each_deployment_sharing_a_state_folder_publish_the_recording() throws Exception {
        try (BrokerProbe broker = new BrokerProbe()) {
            WatchedFolder folder = new WatchedFolder(temp.resolve("Recordings"), broker);
            WatchedFolder.writeWav(folder.root.resolve("standup.wav"), 1, 7);
            try (RunningBloodbank one = RunningBloodbank.start(folder.properties())) {
                assertThat(folder.await(1, WAIT)).hasSize(1);
            }
            try (RunningBloodbank two = RunningBloodbank.start(folder.properties())) {
                assertThat(folder.await(1, WAIT)).as("published by the second deployment too").hasSize(1);
            }
        }
    }

    @Test
    void should_adopt_the_state_an_earlier_version_kept_without_a_prefix() throws Exception {
        try (BrokerProbe broker = new BrokerProbe()) {
            WatchedFolder folder = new WatchedFolder(temp.resolve("Recordings"), broker);
            Path state = Path.of(folder.properties().get("bloodbank.watch.state-dir"));
            WatchedFolder.writeWav(folder.root.resolve("standup.wav"), 1, 7);
            String prefix;
            try (RunningBloodbank one = RunningBloodbank.start(folder.properties())) {
                assertThat(folder.await(1, WAIT)).hasSize(1);
                prefix = one.topology().queue("");
            }
            for (String name : new String[] {"recordings-seen.txt", "recordings-published.txt"}) {
                // as an earlier version named them
                Files.copy(state.resolve(prefix + name), state.resolve(name));
            }
            try (RunningBloodbank two = RunningBloodbank.start(folder.properties())) {
                assertThat(folder.await(1, 5000)).as("nothing published again").isEmpty();
            }
        }
    }
}
