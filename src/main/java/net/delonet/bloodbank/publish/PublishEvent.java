package net.delonet.bloodbank.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.UUID;
import net.delonet.bloodbank.correlation.CorrelationStore;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.refusal.OutcomeUnknownException;
import net.delonet.bloodbank.ops.BusMetrics;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step: publishes the envelope and completes on the broker's confirm. When the broker refuses it (or it was
 * never written), the correlation record written just before is taken back and the exchange fails (503); when the
 * outcome is unknown (no confirm in time) the record stays and the exchange fails with 504.
 */
public final class PublishEvent extends AsyncProcessorSupport {

    /** Whether a queue took the event; false means no binding matched its routing key. */
    public static final String ROUTED = "bloodbank.routed";

    private static final Logger LOG = LoggerFactory.getLogger(PublishEvent.class);

    private final EventPublisher publisher;
    private final CorrelationStore store;
    private final BusMetrics metrics;
    private final EventTypeRegistry types;

    public PublishEvent(EventPublisher publisher, CorrelationStore store, BusMetrics metrics, EventTypeRegistry types) {
        this.publisher = publisher;
        this.store = store;
        this.metrics = metrics;
        this.types = types;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        EventEnvelope event = exchange.getMessage().getBody(EventEnvelope.class);
        OutgoingEvent outgoing;
        try {
            outgoing = outgoing(event);
        } catch (JsonProcessingException e) {
            return Completion.failed(exchange, callback, e);
        }
        return Completion.whenDone(exchange, callback, publisher.publish(outgoing), (routed, failure) -> {
            if (failure != null) {
                // Only a definite "not published" takes the record back: an event whose outcome is unknown may yet
                // reach consumers, and they must find its causation (DESIGN.md, "Outcome unknown").
                String record = exchange.getProperty(RecordCorrelation.RECORD, String.class);
                if (record != null && !(failure instanceof OutcomeUnknownException)) {
                    store.forget(event.eventId(), event.correlationIds(), record);
                }
                exchange.setException(failure);
            } else {
                published(exchange, event, routed);
            }
        });
    }

    private void published(Exchange exchange, EventEnvelope event, boolean routed) {
        exchange.setProperty(ROUTED, routed);
        // Any client can make up event types: only registered ones get a series of their own.
        String label = types.find(event.eventType()).isPresent() ? event.eventType() : BusMetrics.UNREGISTERED_TYPE;
        metrics.published(label, routed, Duration.ofMillis(exchange.getClock().elapsed()));
        if (!routed) {
            LOG.warn("Event {} ({}) matched no binding: confirmed by the broker but no queue holds it",
                    event.eventId(), event.eventType());
        }
    }

    public static OutgoingEvent outgoing(EventEnvelope event) throws JsonProcessingException {
        UUID parent = event.firstParent();
        return new OutgoingEvent(event.eventId().toString(), event.eventType(), parent == null ? null : parent.toString(),
                event.timestamp().toEpochSecond(), event.source().app(), EnvelopeJson.mapper().writeValueAsBytes(event));
    }
}
