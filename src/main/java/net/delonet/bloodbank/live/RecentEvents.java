package net.delonet.bloodbank.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.refusal.Parameters;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Processor;

/**
 * The newest events this service published, in memory, for {@code GET /events/recent} and the MCP
 * {@code recent_events} tool. A step of the publish route (after the broker's confirm) rather than a queue bound to
 * {@code #}: such a queue would take every event, and the publish answer's {@code routed: false} (nobody listens)
 * would never be said again. Envelopes are kept as they are (no copy on the publish path), so the bound is a count.
 */
public final class RecentEvents implements Processor {

    private static final ObjectMapper JSON = EnvelopeJson.mapper();

    private final int maxEvents;
    private final Supplier<List<String>> eventTypes;
    private final Deque<EventEnvelope> events = new ArrayDeque<>();

    public RecentEvents(int maxEvents, Supplier<List<String>> eventTypes) {
        this.maxEvents = maxEvents;
        this.eventTypes = eventTypes;
    }

    @Override
    public void process(Exchange exchange) {
        add(exchange.getMessage().getBody(EventEnvelope.class));
    }

    public synchronized void add(EventEnvelope event) {
        events.addLast(event);
        if (events.size() > maxEvents) {
            events.removeFirst();
        }
    }

    /** The newest kept event with this id, or null when it is not (or no longer) kept. */
    public synchronized EventEnvelope find(java.util.UUID eventId) {
        for (var it = events.descendingIterator(); it.hasNext(); ) {
            EventEnvelope event = it.next();
            if (event.eventId().equals(eventId)) {
                return event;
            }
        }
        return null;
    }

    /** Up to {@code limit} (default 20; no more than are kept) of the newest events matching {@code pattern}, oldest first. */
    public JsonNode query(@Header("pattern") String pattern, @Header("limit") String limit) {
        String matching = pattern == null || pattern.isBlank() ? "#" : pattern;
        if (!TopicPattern.isValid(matching)) {
            throw ApiException.badRequest("pattern", "pattern must be dot-separated words, * or #, e.g. llm.* or fireflies.#");
        }
        int wanted = Math.min(Parameters.integer(limit, "limit", 1, Integer.MAX_VALUE, 20,
                "limit must be an integer of at least 1"), maxEvents);
        List<EventEnvelope> found = new ArrayList<>();
        synchronized (this) {
            for (var it = events.descendingIterator(); it.hasNext() && found.size() < wanted; ) {
                EventEnvelope event = it.next();
                if (TopicPattern.matches(matching, event.eventType())) {
                    found.add(0, event);
                }
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("pattern", matching);
        TopicPattern.misleadingStar(matching, eventTypes.get())
                .ifPresent(warning -> answer.putArray("warnings").add(warning));
        ArrayNode list = answer.putArray("events");
        found.forEach(event -> list.add(JSON.valueToTree(event)));
        return answer.put("count", found.size());
    }
}
