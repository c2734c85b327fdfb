package net.delonet.bloodbank.console;

import com.rabbitmq.client.AMQP;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.delonet.bloodbank.testing.BrokerProbe;

/**
 * Puts envelopes on the exchange at a steady rate for a while, as producers on the bus would (straight to RabbitMQ: the
 * live view's load is the bus's rate, not the HTTP publish path's, which BENCHMARKS.md measures), and times one call
 * into the page half-way (from its own thread).
 */
final class LiveLoad {

    record Result(long published, double seconds, long scriptMillis) {
    }

    private LiveLoad() {
    }

    static Result publish(String type, int perSecond, Duration length, Runnable midway) throws Exception {
        long total = perSecond * length.toSeconds();
        // In batches every 10 ms: one message per millisecond is more than a loaded machine's timer keeps
        long batch = Math.max(1, perSecond / 100);
        long interval = TimeUnit.MILLISECONDS.toNanos(10);
        AtomicLong scriptMillis = new AtomicLong(-1);
        Thread probe = new Thread(() -> {
            LockSupport.parkNanos(length.toNanos() / 2);
            long before = System.nanoTime();
            midway.run();
            scriptMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
        });
        long started = System.nanoTime();
        probe.start();
        try (BrokerProbe broker = new BrokerProbe()) {
            for (long i = 0; i < total; i++) {
                if (i % batch == 0) {
                    LockSupport.parkNanos(started + (i / batch) * interval - System.nanoTime());
                }
                String id = UUID.randomUUID().toString();
                String envelope = ("{\"event_id\":\"%s\",\"event_type\":\"%s\",\"timestamp\":\"%s\",\"version\":\"2.0.0\","
                        + "\"source\":{\"host\":\"test\",\"type\":\"manual\",\"app\":\"live-load\"},\"correlation_ids\":[],"
                        + "\"agent_context\":null,\"payload\":{\"n\":%d}}").formatted(id, type, Instant.now(), i);
                broker.publish(type, new AMQP.BasicProperties.Builder().messageId(id).type(type).contentType("application/json").build(),
                        envelope.getBytes(StandardCharsets.UTF_8));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        probe.join();
        return new Result(total, seconds, scriptMillis.get());
    }
}
