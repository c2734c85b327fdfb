package net.delonet.bloodbank.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.delonet.bloodbank.testing.HttpApi.Answer;

/**
 * A bounded number of clients publishing back to back (closed loop) until stopped, each publish with an event id of
 * its own, so every answer can be matched with what reaches the broker and Redis.
 */
public final class PublishLoad implements AutoCloseable {

    /** One publish: its event id, when it was sent and answered (nanoTime), and the answer. */
    public record Sent(String eventId, long sentAt, long answeredAt, Answer answer) {
        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(answeredAt - sentAt);
        }
    }

    private final ExecutorService clients;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    public PublishLoad(HttpApi api, String eventType, int concurrency) {
        clients = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            clients.execute(() -> {
                while (running) {
                    String id = UUID.randomUUID().toString();
                    long started = System.nanoTime();
                    Answer answer;
                    try {
                        answer = api.post("/events", "{\"event_id\":\"%s\",\"event_type\":\"%s\",\"payload\":{}}"
                                .formatted(id, eventType));
                    } catch (RuntimeException e) {
                        answer = new Answer(-1, e.toString()); // no answer at all: the assertions on statuses say so
                    }
                    sent.add(new Sent(id, started, System.nanoTime(), answer));
                }
            });
        }
    }

    /** Stops sending and waits for the answers still out. */
    public List<Sent> stop() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new AssertionError("publishes still unanswered after 60 s");
        }
        return List.copyOf(sent);
    }

    public Stream<Sent> soFar() {
        return sent.stream();
    }

    @Override
    public void close() {
        running = false;
        clients.shutdownNow();
    }
}
