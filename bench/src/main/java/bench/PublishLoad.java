package bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Load on POST /events with correlation recording: a 1 KB payload with a parent, against the running service.
 * Modes: {@code max <connections>} (closed loop: as fast as it answers) and {@code rate <req/s>} (open loop:
 * latency measured from each request's scheduled time, so a stall is not hidden). A consumer drains a queue
 * bound to the events ({@code -Dexchange}, default amq.topic), as PerfTest's consumer does, and counts what arrived.
 */
public final class PublishLoad {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        double level = Double.parseDouble(args[1]);
        int warmupSec = Integer.parseInt(args[2]);
        int measureSec = Integer.parseInt(args[3]);
        int port = Integer.parseInt(System.getProperty("port", "8682"));

        AtomicLong delivered = new AtomicLong();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672");
        Connection amqp = factory.newConnection("bench-consumer");
        Channel channel = amqp.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, System.getProperty("exchange", "amq.topic"), "bench.#");
        channel.basicConsume(queue, true, (tag, msg) -> delivered.incrementAndGet(), tag -> { });

        Vertx vertx = Vertx.vertx();
        int connections = mode.equals("max") ? (int) level : 256;
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setDefaultHost("127.0.0.1").setDefaultPort(port), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(100_000));
        Buffer body = Buffer.buffer(request());
        RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setURI("/events")
                .putHeader("content-type", "application/json");

        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSec);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(measureSec);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong okMeasured = new AtomicLong();

        Sender sender = (scheduled, next) -> http.request(post)
                .compose(req -> req.send(body))
                .onComplete(ar -> {
                    long now = System.nanoTime();
                    boolean good = ar.succeeded() && ar.result().statusCode() == 202;
                    (good ? ok : failed).incrementAndGet();
                    if (scheduled >= measureFrom && now <= end) {
                        recorder.recordValue(Math.max(1, (now - scheduled) / 1000));
                        if (good) {
                            okMeasured.incrementAndGet();
                        }
                    }
                    if (next != null) {
                        next.run();
                    }
                });

        if (mode.equals("max")) {
            for (int i = 0; i < connections; i++) {
                vertx.runOnContext(v -> loop(sender, end));
            }
        } else {
            long intervalNanos = (long) (1e9 / level);
            AtomicLong sent = new AtomicLong();
            vertx.setPeriodic(1, id -> {
                long now = System.nanoTime();
                if (now > end) {
                    vertx.cancelTimer(id);
                    return;
                }
                long due = (now - start) / intervalNanos;
                while (sent.get() < due) {
                    long scheduled = start + sent.getAndIncrement() * intervalNanos;
                    sender.send(scheduled, null);
                }
            });
        }
        vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 2000, id -> done.countDown());
        done.await();
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf("mode=%s level=%s measured=%ds ok=%d failed=%d throughput=%.0f req/s "
                        + "p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms delivered=%d%n",
                mode, args[1], measureSec, ok.get(), failed.get(), okMeasured.get() / (double) measureSec,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, delivered.get());
        http.close();
        vertx.close();
        amqp.close();
    }

    private static void loop(Sender sender, long end) {
        long now = System.nanoTime();
        if (now < end) {
            sender.send(now, () -> loop(sender, end));
        }
    }

    /** A ~1 KB envelope request with one parent, so every publish also writes a reverse set. */
    private static String request() {
        String filler = "x".repeat(850);
        return "{\"event_type\":\"bench.load.tick\",\"correlation_ids\":[\"6ba7b812-9dad-11d1-80b4-00c04fd430c8\"],"
                + "\"payload\":{\"note\":\"" + filler + "\"}}";
    }

    @FunctionalInterface
    private interface Sender {
        void send(long scheduledNanos, Runnable next);
    }
}
