package net.delonet.bloodbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev mode: a route YAML saved while Bloodbank runs is reloaded; without dev mode it is not. */
class DevReloadTest {

    @TempDir Path routes;

    private static String route(String answer) {
        return """
                - route:
                    id: dev-hello
                    from:
                      uri: platform-http:/dev/hello
                      steps:
                        - setBody:
                            constant: "%s"
                """.formatted(answer);
    }

    private RunningBloodbank start(boolean dev) throws Exception {
        Files.writeString(routes.resolve("dev-hello.camel.yaml"), route("one"));
        return RunningBloodbank.start(Map.of("bloodbank.watch.enabled", "false",
                "camel.main.routes-include-pattern", "file:routes/*.camel.yaml,file:" + routes + "/*.camel.yaml",
                "camel.main.routes-reload-enabled", Boolean.toString(dev),
                "camel.main.routes-reload-directory", routes.toString()));
    }

    @Test
    void should_reload_a_saved_route_in_dev_mode() throws Exception {
        try (RunningBloodbank bloodbank = start(true)) {
            assertThat(bloodbank.http().get("/dev/hello").body()).isEqualTo("one");
            Files.writeString(routes.resolve("dev-hello.camel.yaml"), route("two"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(bloodbank.http().get("/dev/hello").body()).isEqualTo("two"));
            assertThat(bloodbank.http().get("/events/types").status()).as("the other routes still run").isEqualTo(200);
        }
    }

    @Test
    void should_keep_the_loaded_routes_without_dev_mode() throws Exception {
        try (RunningBloodbank bloodbank = start(false)) {
            Files.writeString(routes.resolve("dev-hello.camel.yaml"), route("two"));
            Thread.sleep(3000);
            assertThat(bloodbank.http().get("/dev/hello").body()).isEqualTo("one");
        }
    }
}
