package net.delonet.bloodbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev mode and a consumer's binding patterns: a saved change binds the new patterns and unbinds the removed ones. */
class DevReloadBindingsTest {

    @TempDir Path routes;

    private final String ns = "t" + UUID.randomUUID().toString().substring(0, 8);

    private String consumer(String patterns) {
        return """
                - templatedRoute:
                    routeTemplateRef: bloodbank-consumer
                    routeId: consumer-dev-bindings
                    parameters:
                      - {name: name, value: dev-bindings}
                      - {name: patterns, value: "%s"}
                      - {name: handler, value: "direct:dev-bindings"}
                - route:
                    id: dev-bindings-handler
                    from:
                      uri: direct:dev-bindings
                      steps:
                        - toD: bean:devBindingsHandler
                """.formatted(patterns);
    }

    /**
     * Publishes {@code unbound} then {@code bound} and waits for the consumer to handle {@code bound}: its one queue
     * delivers in order, so had {@code unbound} been routed to it, it would have been handled first.
     */
    private static void assertBinding(RunningBloodbank bloodbank, RecordingHandler handler, String unbound, String bound) {
        bloodbank.http().post("/events", "{\"event_type\":\"" + unbound + "\",\"payload\":{}}");
        bloodbank.http().post("/events", "{\"event_type\":\"" + bound + "\",\"payload\":{}}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(handler.calls()).extracting(RecordingHandler.Call::eventType).contains(bound));
        assertThat(handler.calls()).extracting(RecordingHandler.Call::eventType).doesNotContain(unbound);
    }

    @Test
    void should_apply_changed_patterns_of_a_consumer() throws Exception {
        Path file = routes.resolve("consumer-dev-bindings.camel.yaml");
        Files.writeString(file, consumer(ns + ".one.*"));
        try (RunningBloodbank bloodbank = RunningBloodbank.start(Map.of("bloodbank.watch.enabled", "false",
                "camel.main.routes-include-pattern", "file:routes/*.camel.yaml,file:" + routes + "/*.camel.yaml",
                "camel.main.routes-reload-enabled", "true", "camel.main.routes-reload-directory", routes.toString()))) {
            RecordingHandler handler = new RecordingHandler();
            bloodbank.context().getRegistry().bind("devBindingsHandler", handler);
            assertBinding(bloodbank, handler, ns + ".two.a", ns + ".one.a");

            Files.writeString(file, consumer(ns + ".two.*"));
            await().atMost(Duration.ofSeconds(60)).until(() -> List.of(ns + ".two.*").equals(bloodbank.topology().consumers().get("dev-bindings")));

            assertBinding(bloodbank, handler, ns + ".one.b", ns + ".two.b");
        }
    }
}
