package net.delonet.bloodbank.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Publishes events over HTTP at a steady rate (at most 256 in flight) for a while, and times one call into the page mid-way. */
final class LiveLoad {

    record Result(long published, double seconds, long scriptMillis) {
    }

    private LiveLoad() {
    }

    static Result publish(String base, String type, int perSecond, Duration length, Runnable midway) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Semaphore inFlight = new Semaphore(256);
        AtomicLong accepted = new AtomicLong();
        long total = perSecond * length.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long started = System.nanoTime();
        long scriptMillis = -1;
        for (long i = 0; i < total; i++) {
            LockSupport.parkNanos(started + i * interval - System.nanoTime());
            if (i == total / 2) {
                long before = System.nanoTime();
                midway.run();
                scriptMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
            }
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/events/" + type)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (response != null && response.statusCode() == 202) {
                    accepted.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(256);
        return new Result(accepted.get(), (System.nanoTime() - started) / 1e9, scriptMillis);
    }
}
