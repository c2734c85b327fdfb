package net.delonet.bloodbank.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.consume.NonRetryableException;
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
}
