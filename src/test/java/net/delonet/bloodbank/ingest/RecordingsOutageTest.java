package net.delonet.bloodbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import net.delonet.bloodbank.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording dropped while RabbitMQ is unreachable is published once it is back: the watcher never gives up. */
class RecordingsOutageTest {

    @TempDir Path temp;

    @Test
    void should_publish_a_recording_once_rabbitmq_is_back() throws Exception {
        try (BrokerProbe broker = new BrokerProbe(); TcpProxy rabbit = new TcpProxy(5672)) {
            WatchedFolder folder = new WatchedFolder(temp.resolve("Recordings"), broker);
            Map<String, String> settings = new HashMap<>(folder.properties());
            settings.put("bloodbank.rabbit.url", "amqp://guest:guest@127.0.0.1:" + rabbit.port());
            try (RunningBloodbank bloodbank = RunningBloodbank.start(settings)) {
                rabbit.cut();
                WatchedFolder.writeSlowly(folder.root.resolve("during-outage.mp3"), 2, 0, 11);
                assertThat(folder.during(4000)).as("nothing while RabbitMQ is away").isEmpty();

                rabbit.restore();
                List<JsonNode> events = folder.await(1, 20_000);
                events.addAll(folder.during(2000));
                assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("fireflies.transcript.upload");
            }
        }
    }
}
