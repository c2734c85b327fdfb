package net.delonet.bloodbank.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.Registry;

/**
 * Bloodbank's own meters, exported by Camel at /observe/metrics: events published per type (and whether a queue
 * took them), API requests refused per status, publish latency (request received → broker confirm) and
 * correlation-write latency (the Redis round trip).
 */
public final class BusMetrics {

    private final MeterRegistry registry;
    private final Timer publishLatency;
    private final Timer correlationWrite;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    BusMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publishLatency = Timer.builder("bloodbank.publish.latency")
                .description("From request received to broker confirm").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(5)).register(registry);
        this.correlationWrite = Timer.builder("bloodbank.correlation.write.latency")
                .description("Redis round trip recording an event's causation").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
    }

    /** The one instance of a Camel registry, made on first use: on the meter registry /observe/metrics exports. */
    public static synchronized BusMetrics in(Registry camelRegistry) {
        BusMetrics existing = camelRegistry.lookupByNameAndType("busMetrics", BusMetrics.class);
        if (existing != null) {
            return existing;
        }
        MeterRegistry meters = camelRegistry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (meters == null) {
            // Bound under the name camel-micrometer-prometheus looks for, so it exports these meters too.
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            camelRegistry.bind("metricsRegistry", meters);
        }
        BusMetrics metrics = new BusMetrics(meters);
        camelRegistry.bind("busMetrics", metrics);
        return metrics;
    }

    public void published(String eventType, boolean routed, Duration sinceReceived) {
        counter("bloodbank.events.published", "event_type", eventType, "routed", Boolean.toString(routed)).increment();
        publishLatency.record(sinceReceived);
    }

    public void refused(int status) {
        counter("bloodbank.api.refused", "status", Integer.toString(status)).increment();
    }

    public void correlationWritten(Duration took) {
        correlationWrite.record(took);
    }

    /** Counters are looked up once per name and tags: the publish path should not rebuild meters. */
    public Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join("|", tags), key -> Counter.builder(name).tags(tags).register(registry));
    }
}
