package net.delonet.bloodbank.deploy;

import static net.delonet.bloodbank.deploy.DeployFiles.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/bloodbank-all.jar alone (no lib/ beside it), started as a user who copied it to a host starts it, against the
 * local RabbitMQ and Redis: Camel's merged service files must let it publish, and the probe paths must answer.
 */
class FatJarIT {

    private static final Path FAT_JAR = Path.of("target/bloodbank-all.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process bloodbank;
    private static Path workDir;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        workDir = Files.createTempDirectory("bloodbank-fat-jar");
        Files.createDirectory(workDir.resolve("routes"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, workDir.resolve("routes").resolve(route.getFileName()));
            }
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // its own temp dir (Vert.x caches files there), removed with the rest afterwards
        Path tmp = Files.createDirectory(workDir.resolve("tmp"));
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", FAT_JAR.toString()).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("bloodbank.log").toFile());
        java.environment().put("HTTP_PORT", String.valueOf(port));
        bloodbank = java.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status("/observe/health/ready") != 200) {
            assertThat(bloodbank.isAlive()).as("fat jar exited:\n%s", log()).isTrue();
            assertThat(System.nanoTime()).as("not ready within 60 s:\n%s", log()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (bloodbank != null) {
            bloodbank.destroy();
            if (!bloodbank.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                bloodbank.destroyForcibly().waitFor();
            }
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void should_merge_every_type_converter_loader_into_the_fat_jar() throws IOException {
        try (JarFile jar = new JarFile(FAT_JAR.toFile())) {
            String loaders = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/org/apache/camel/TypeConverterLoader")).readAllBytes());
            assertThat(loaders).contains("org.apache.camel.converter.CamelBaseBulkConverterLoader",
                    "org.apache.camel.component.jackson.converter.JacksonTypeConvertersLoader",
                    "org.apache.camel.component.platform.http.vertx.VertxConverterLoader");
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("net.delonet.bloodbank.Bloodbank");
        }
    }

    @Test
    void should_accept_an_event_with_202() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/events"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_type\":\"demo.thing.done\",\"payload\":{}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).contains("\"event_type\":\"demo.thing.done\"");
    }

    @Test
    void should_answer_the_probe_paths_the_deployment_and_image_use() throws Exception {
        Container app = find(StatefulSet.class, "bloodbank").getSpec().getTemplate().getSpec().getContainers().get(0);
        for (String path : new String[] {app.getLivenessProbe().getHttpGet().getPath(),
                app.getReadinessProbe().getHttpGet().getPath(), "/observe/health"}) {
            assertThat(status(path)).as(path).isEqualTo(200);
        }
        assertThat(status("/observe/metrics")).isEqualTo(200);
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int status(String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static String log() {
        try {
            return Files.readString(workDir.resolve("bloodbank.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
