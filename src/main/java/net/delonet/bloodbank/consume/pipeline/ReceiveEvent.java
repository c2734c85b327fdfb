package net.delonet.bloodbank.consume.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EnvelopeReader;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.refusal.UnavailableException;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;

/**
 * A consumer's first step: the delivered message becomes a checked event (the envelope contract and the payload
 * type registered for its event type) or fails as invalid, which is never retried. Then the event's handling is
 * claimed; an event this consumer handled already is acknowledged and goes no further.
 * The handler gets the typed payload record as body (a JSON tree for unregistered types), the headers
 * {@code event_id} and {@code event_type}, and the whole {@link EventEnvelope} in the property {@code envelope}.
 */
public final class ReceiveEvent implements Processor {

    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String ENVELOPE = "envelope";
    static final String CONSUMER = "bloodbank.consumer";
    static final String CLAIM = "bloodbank.claim";

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveEvent.class);
    private static final ObjectMapper JSON = EnvelopeJson.mapper();

    private final EventTypeRegistry types;
    private final Dedupe dedupe;

    public ReceiveEvent(EventTypeRegistry types, Dedupe dedupe) {
        this.types = types;
        this.dedupe = dedupe;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message delivery = exchange.getMessage().getBody(Message.class);
        exchange.setProperty(Delivery.MESSAGE, delivery);
        String consumer = exchange.getProperty(CONSUMER, String.class);
        EventEnvelope event = read(delivery.getBody());
        exchange.setProperty(ENVELOPE, event);
        Optional<Claim> claim = dedupe.claim(consumer, event.eventId().toString());
        if (claim.isEmpty()) {
            LOG.info("{} skipped event {} ({}): handled already", consumer, event.eventId(), event.eventType());
            Delivery.ack(exchange);
            exchange.setRouteStop(true);
            return;
        }
        exchange.setProperty(CLAIM, claim.get());
        // However this delivery ends (handled, dead-lettered, or cut short by a stop), its claim goes with it.
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                release(claim.get());
            }
        });
        exchange.getMessage().setHeader(EVENT_ID, event.eventId().toString());
        exchange.getMessage().setHeader(EVENT_TYPE, event.eventType());
        exchange.getMessage().setBody(payload(event));
    }

    private static void release(Claim claim) {
        try {
            claim.release();
        } catch (UnavailableException e) {
            LOG.warn("Could not let a claim go ({}): it expires by itself", e.getMessage());
        }
    }

    private EventEnvelope read(byte[] body) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (IOException e) {
            throw new InvalidEventException("Not JSON: " + e.getMessage(), null, null, e);
        }
        String eventId = text(envelope, "event_id");
        String eventType = text(envelope, "event_type");
        if (eventId == null) {
            // Without its id an event cannot be deduplicated: the reader would make up a new one per delivery.
            throw new InvalidEventException("The envelope has no event_id", null, eventType, null);
        }
        try {
            return new EnvelopeReader(types, false, null).read(envelope);
        } catch (ApiException e) {
            throw new InvalidEventException(e.getMessage(), eventId, eventType, e);
        }
    }

    private Object payload(EventEnvelope event) throws JsonProcessingException {
        Optional<Class<? extends Record>> type = types.find(event.eventType()).map(t -> t.payload());
        return type.isPresent() ? JSON.treeToValue(event.payload(), type.get()) : event.payload();
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope == null ? null : envelope.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
