package net.delonet.bloodbank.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every publish is visible in YAML: `grep direct:publish routes/` is the complete list of producers. */
class ProducersInRoutesTest {

    @Test
    void should_find_no_java_code_sending_to_the_publish_route() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> senders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> read(f).contains("\"direct:publish\"")).toList();
            assertThat(senders).as("Java sending to direct:publish instead of its route").isEmpty();
        }
    }

    @Test
    void should_show_the_fireflies_webhook_and_the_failed_events_publishing_in_their_routes() throws IOException {
        assertThat(Files.readString(Path.of("routes/fireflies-webhook.camel.yaml"))).contains("- to: direct:publish");
        assertThat(Files.readString(Path.of("routes/consumer-template.camel.yaml"))).contains("- to: direct:publish");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
