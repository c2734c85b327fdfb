package net.delonet.bloodbank.ops;

import static org.assertj.core.api.Assertions.assertThat;

import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** After traffic, /observe/metrics shows what was published, refused and how long it took. */
class MetricsTest {

    @Test
    void should_count_published_and_refused_events_and_time_them() {
        try (RunningBloodbank bloodbank = RunningBloodbank.start()) {
            HttpApi api = bloodbank.http();
            assertThat(api.post("/events", "{\"event_type\":\"metrics.test.done\",\"payload\":{}}").status()).isEqualTo(202);
            assertThat(api.post("/events", "{\"event_type\":\"metrics.test.done\",\"payload\":{}}").status()).isEqualTo(202);
            assertThat(api.post("/events", "{\"event_type\":\"Bad\",\"payload\":{}}").status()).isEqualTo(400);

            String metrics = api.get("/observe/metrics").body();
            // routed depends on what else is bound on the shared broker (an archive bound to # takes everything)
            assertThat(metrics).containsPattern("bloodbank_events_published_total\\{event_type=\"metrics.test.done\",routed=\"(true|false)\"} 2.0");
            assertThat(metrics).contains("bloodbank_api_refused_total{status=\"400\"} 1.0");
            assertThat(metrics).containsPattern("bloodbank_publish_latency_seconds_count(\\{[^}]*\\})? 2");
            assertThat(metrics).containsPattern("bloodbank_correlation_write_latency_seconds_count(\\{[^}]*\\})? 2");
        }
    }
}
