package net.delonet.bloodbank.live;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /events/stream?pattern=}: server-sent events, one per envelope ({@code id:} event id, {@code event:}
 * event type, {@code data:} the envelope JSON), from a queue of the listener's own that lives as long as the
 * connection. A Vert.x handler rather than a Camel route: a route's answer is buffered whole, an event stream never ends.
 */
public final class EventStream implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final EventListeners listeners;
    private final long heartbeatMs;
    private final int writeQueueBytes;
    private final Supplier<List<String>> eventTypes;

    public EventStream(EventListeners listeners, long heartbeatMs, int writeQueueBytes, Supplier<List<String>> eventTypes) {
        this.listeners = listeners;
        this.heartbeatMs = heartbeatMs;
        this.writeQueueBytes = writeQueueBytes;
        this.eventTypes = eventTypes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String pattern = ctx.queryParams().contains("pattern") ? ctx.queryParams().get("pattern") : "#";
        HttpServerResponse response = ctx.response();
        if (!TopicPattern.isValid(pattern)) {
            JsonAnswers.error(response, 400, "pattern", "pattern must be dot-separated words, * or #, e.g. llm.* or fireflies.#");
            return;
        }
        response.setChunked(true).setWriteQueueMaxSize(writeQueueBytes)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        Vertx vertx = ctx.vertx();
        AtomicReference<EventListeners.Listener> listener = new AtomicReference<>();
        // a pattern that can never match is said once, as the stream's first comment (bb tail prints it)
        TopicPattern.misleadingStar(pattern, eventTypes.get()).ifPresent(warning -> {
            LOG.warn("Event stream: {}", warning);
            response.write(": warning: " + warning + "\n\n");
        });
        response.closeHandler(closed -> vertx.executeBlocking(() -> close(listener.getAndSet(null)), false));
        vertx.executeBlocking(() -> listeners.listen(pattern,
                        queue -> response.write(": listening on " + pattern + " (queue " + queue + ")\n\n"),
                        event -> send(response, event),
                        () -> vertx.runOnContext(v -> end(response))), false)
                .onSuccess(opened -> {
                    listener.set(opened);
                    if (response.closed()) {
                        vertx.executeBlocking(() -> close(listener.getAndSet(null)), false);
                        return;
                    }
                    LOG.info("Event stream for '{}' opened on queue {}", pattern, opened.queue());
                    long timer = vertx.setPeriodic(heartbeatMs, id -> {
                        if (!response.closed() && !response.writeQueueFull()) {
                            response.write(": keepalive\n\n");
                        }
                    });
                    response.endHandler(ended -> vertx.cancelTimer(timer));
                    response.closeHandler(closed -> {
                        vertx.cancelTimer(timer);
                        vertx.executeBlocking(() -> close(listener.getAndSet(null)), false);
                    });
                })
                .onFailure(e -> JsonAnswers.error(response, 503, null, "RabbitMQ is unavailable: " + e.getMessage()));
    }

    private static void send(HttpServerResponse response, LiveEvent event) {
        // A client that does not keep up loses events rather than growing the service's memory.
        if (response.closed() || response.writeQueueFull()) {
            return;
        }
        response.write("id: " + event.messageId() + "\nevent: " + event.routingKey() + "\ndata: " + event.bodyLine() + "\n\n");
    }

    private static Void close(EventListeners.Listener listener) {
        if (listener != null) {
            listener.close();
            LOG.info("Event stream on queue {} closed", listener.queue());
        }
        return null;
    }

    private static void end(HttpServerResponse response) {
        if (!response.closed() && !response.ended()) {
            response.end();
        }
    }
}
