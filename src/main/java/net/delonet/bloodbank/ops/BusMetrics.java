package net.delonet.bloodbank.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
 * correlation-write latency (the Redis round trip), and each consumer's dead-letter, parked and pending depths.
 */
public final class BusMetrics {

    /** The event_type label of every unregistered type: the label's values stay as few as the registered types. */
    public static final String UNREGISTERED_TYPE = "other";

    private final MeterRegistry registry;
    private final Timer publishLatency;
    private final Timer correlationWrite;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Depth> gauges = new ConcurrentHashMap<>();

    BusMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publishLatency = Timer.builder("bloodbank.publish.latency")
                .description("From request received to broker confirm").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(5)).register(registry);
        this.correlationWrite = Timer.builder("bloodbank.correlation.write.latency")
                .description("Redis round trip recording an event's causation").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
    }

    /** Made once, when Bloodbank starts, before any feature is wired: on the meter registry /observe/metrics exports. */
    public static BusMetrics bindTo(Registry camelRegistry) {
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
        counter("bloodbank.events.published", "Events the broker confirmed, by type and whether a queue took them",
                "event_type", eventType, "routed", Boolean.toString(routed)).increment();
        publishLatency.record(sinceReceived);
    }

    public void refused(int status) {
        counter("bloodbank.api.refused", "API requests refused, by HTTP status", "status", Integer.toString(status))
                .increment();
    }

    public void correlationWritten(Duration took) {
        correlationWrite.record(took);
    }

    /** A consumer's queue depths as last read from the broker: dead letters, parked, and waiting to be consumed. */
    public void queueDepths(String consumer, long deadLetters, long parked, long pending) {
        depths(consumer, deadLetters, parked, pending);
    }

    /** The consumer's queues could not be read: its depth gauges say NaN rather than an old number. */
    public void queueDepthsUnknown(String consumer) {
        depths(consumer, Double.NaN, Double.NaN, Double.NaN);
    }

    private void depths(String consumer, double deadLetters, double parked, double pending) {
        gauge("bloodbank.dlq.depth", "Messages on the consumer's dead-letter queue", consumer).value = deadLetters;
        gauge("bloodbank.dlq.parked", "Dead letters parked after too many redrives", consumer).value = parked;
        gauge("bloodbank.consumer.pending", "Messages waiting on the consumer's queue", consumer).value = pending;
    }

    private Depth gauge(String name, String description, String consumer) {
        return gauges.computeIfAbsent(name + "|" + consumer, key -> {
            Depth value = new Depth();
            Gauge.builder(name, value, depth -> depth.value).description(description).tag("consumer", consumer)
                    .register(registry);
            return value;
        });
    }

    /** Counters are looked up once per name and tags: the publish path should not rebuild meters. */
    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join("|", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    /** Every meter in the Prometheus text format of {@code contentType} (0.0.4 text, or OpenMetrics). */
    public String scrape(String contentType) {
        return ((PrometheusMeterRegistry) registry).scrape(contentType);
    }

    /** A gauge's last reading. */
    private static final class Depth {
        volatile double value = Double.NaN;
    }
}
