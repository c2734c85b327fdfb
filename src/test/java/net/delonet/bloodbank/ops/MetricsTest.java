package net.delonet.bloodbank.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.delonet.bloodbank.refusal.NonRetryableException;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** After traffic, /observe/metrics shows what was published, refused, how long it took, and what was dead-lettered. */
class MetricsTest {

    @Test
    void should_count_published_and_refused_events_and_time_them() {
        try (RunningBloodbank bloodbank = RunningBloodbank.start()) {
            HttpApi api = bloodbank.http();
            assertThat(api.post("/events", "{\"event_type\":\"metrics.test.done\",\"payload\":{}}").status()).isEqualTo(202);
            assertThat(api.post("/events", "{\"event_type\":\"metrics.test.other\",\"payload\":{}}").status()).isEqualTo(202);
            assertThat(api.post("/events", "{\"event_type\":\"llm.prompt\",\"payload\":{\"provider\":\"claude\",\"prompt\":\"hi\"}}")
                    .status()).isEqualTo(202);
            assertThat(api.post("/events", "{\"event_type\":\"Bad\",\"payload\":{}}").status()).isEqualTo(400);

            String metrics = api.get("/observe/metrics").body();
            // Unregistered types share one label value, so clients cannot make up series without end.
            // routed depends on what else is bound on the shared broker (an archive bound to # takes everything)
            assertThat(metrics).containsPattern("bloodbank_events_published_total\\{event_type=\"other\",routed=\"(true|false)\"} 2.0");
            assertThat(metrics).doesNotContain("metrics.test");
            assertThat(metrics).containsPattern("bloodbank_events_published_total\\{event_type=\"llm.prompt\",routed=\"(true|false)\"} 1.0");
            assertThat(metrics).contains("bloodbank_api_refused_total{status=\"400\"} 1.0");
            assertThat(metrics).containsPattern("bloodbank_publish_latency_seconds_count(\\{[^}]*\\})? 3");
            assertThat(metrics).containsPattern("bloodbank_correlation_write_latency_seconds_count(\\{[^}]*\\})? 3");
        }
    }

    @Test
    void should_show_each_consumers_dead_letter_depth_and_nan_when_its_queues_cannot_be_read() throws Exception {
        String ns = "m" + UUID.randomUUID().toString().substring(0, 8);
        String name = ns + "-refuser";
        RecordingHandler refuses = new RecordingHandler().behave(call -> new NonRetryableException("E_NO", "refused", null));
        try (RunningBloodbank bloodbank = RunningBloodbank.start(Map.of("bloodbank.metrics.queue-depth-interval-ms", "200"));
             BrokerProbe broker = new BrokerProbe()) {
            // Exactly the one type: its .failed events (ns.job.failed) are not this consumer's to dead-letter again.
            Consumers.add(bloodbank, name, ns + ".job.run", refuses);
            HttpApi api = bloodbank.http();
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/events", "{\"event_type\":\"" + ns + ".job.run\",\"payload\":{\"n\":" + i + "}}")
                        .status()).isEqualTo(202);
            }

            String consumer = "{consumer=\"" + name + "\"}";
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/observe/metrics").body())
                    .contains("bloodbank_dlq_depth" + consumer + " 3.0")
                    .contains("bloodbank_dlq_parked" + consumer + " 0.0")
                    .contains("bloodbank_consumer_pending" + consumer + " 0.0"));

            broker.delete(bloodbank.topology().deadLetters(name));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/observe/metrics").body())
                    .contains("bloodbank_dlq_depth" + consumer + " NaN"));
        }
    }

    @Test
    void should_serve_jvm_meters_with_help_text_to_plain_text_scrapers_and_pass_promtool() throws Exception {
        try (RunningBloodbank bloodbank = RunningBloodbank.start()) {
            HttpApi api = bloodbank.http();
            assertThat(api.post("/events", "{\"event_type\":\"metrics.help.done\",\"payload\":{}}").status()).isEqualTo(202);
            assertThat(api.post("/events", "{\"event_type\":\"Bad\",\"payload\":{}}").status()).isEqualTo(400);

            for (String accept : List.of("text/plain", "text/plain;version=0.0.4", "*/*")) {
                HttpApi.Answer answer = api.get("/observe/metrics", Map.of("Accept", accept));
                assertThat(answer.status()).as(accept).isEqualTo(200);
                assertThat(answer.body()).as(accept).startsWith("# HELP").doesNotContain("# EOF");
            }
            String metrics = api.get("/observe/metrics", Map.of("Accept", "text/plain")).body();
            assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
                    "jvm_classes_loaded_classes ", "process_cpu_usage ");
            // every meter of Bloodbank's own says what it measures
            Matcher types = Pattern.compile("(?m)^# TYPE (bloodbank_\\w+) ").matcher(metrics);
            List<String> ours = types.results().map(m -> m.group(1)).toList();
            assertThat(ours).contains("bloodbank_events_published_total", "bloodbank_api_refused_total");
            assertThat(ours).allSatisfy(meter -> assertThat(metrics).containsPattern("(?m)^# HELP " + meter + " \\S"));
            Optional<Path> promtool = promtool();
            if (promtool.isPresent()) {
                // it parses the exposition (a parse error is reported as one) and lints it; Micrometer's own processor
                // meters draw naming remarks (process_cpu_time_ns_total, system_cpu_count), ours none
                assertThat(promtoolCheck(promtool.get(), metrics)).doesNotContain("error", "no help text", "bloodbank_");
            }
        }
    }

    /** Prometheus' own linter, when installed (Debian's prometheus package; PROMTOOL names it elsewhere). */
    private static Optional<Path> promtool() {
        return Stream.concat(Stream.ofNullable(System.getenv("PROMTOOL")).map(Path::of),
                        Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "promtool")))
                .filter(Files::isExecutable).findFirst();
    }

    private static String promtoolCheck(Path promtool, String metrics) throws Exception {
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = check.getOutputStream()) {
            in.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
