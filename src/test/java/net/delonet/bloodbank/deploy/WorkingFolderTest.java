package net.delonet.bloodbank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Started from a folder other than the checkout: the routes beside the jar are found, or one line says where to look. */
class WorkingFolderTest {

    @TempDir
    Path elsewhere;

    @Test
    void should_find_the_routes_beside_the_jar_when_started_from_another_folder() throws Exception {
        // the shared RabbitMQ with queues of its own, deleted afterwards; no archive stream to clean up
        String prefix = "bbtest-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (ServiceProcess bloodbank = ServiceProcess.start(elsewhere, elsewhere.resolve("bloodbank.log"), Map.of(
                "QUEUE_PREFIX", prefix, "BLOODBANK_REPLICA_ID", "r1", "ARCHIVE_ENABLED", "false",
                "BLOODBANK_HOME", elsewhere.resolve("home").toString()))) {
            bloodbank.awaitHealthy(Duration.ofSeconds(240));

            assertThat(bloodbank.status("/events/types")).isEqualTo(200);
            assertThat(bloodbank.log()).contains("Routes from " + Path.of("routes").toAbsolutePath());
        } finally {
            try (BrokerProbe broker = new BrokerProbe()) {
                for (String consumer : List.of("artifact-logger", "rag-ingester-r1", "rag-artifacts-r1", "fireflies-transcripts")) {
                    broker.delete(prefix + consumer, prefix + consumer + ".dlq", prefix + consumer + ".parked");
                }
            }
        }
    }

    @Test
    void should_say_in_one_line_where_routes_are_looked_for_when_there_are_none() throws Exception {
        Path missing = elsewhere.resolve("no-such-folder");
        try (ServiceProcess bloodbank = ServiceProcess.start(elsewhere, elsewhere.resolve("bloodbank.log"), Map.of(
                "BLOODBANK_ROUTES", "file:" + missing + "/*.camel.yaml"))) {
            assertThat(bloodbank.awaitExit(Duration.ofSeconds(60))).as("exits on its own").isEqualTo(1);

            assertThat(bloodbank.log()).contains("No routes at " + missing).contains("BLOODBANK_ROUTES")
                    .doesNotContain("NoSuchFileException").doesNotContain("\tat ");
        }
    }
}
