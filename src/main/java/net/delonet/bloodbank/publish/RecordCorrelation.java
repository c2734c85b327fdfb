package net.delonet.bloodbank.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.delonet.bloodbank.correlation.CorrelationStore;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.ops.BusMetrics;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Route step: records the event's parents in Redis before it is published, so no event reaches a consumer
 * without its causation recorded. Redis down or too slow: UnavailableException (503).
 */
public final class RecordCorrelation extends AsyncProcessorSupport {

    /** The forward record as written when it is new, kept so a refused publish can take exactly it back. */
    public static final String RECORD = "bloodbank.correlationRecord";

    private final CorrelationStore store;
    private final BusMetrics metrics;

    public RecordCorrelation(CorrelationStore store, BusMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        EventEnvelope event = exchange.getMessage().getBody(EventEnvelope.class);
        String record;
        try {
            record = forwardRecord(event);
        } catch (JsonProcessingException e) {
            return Completion.failed(exchange, callback, e);
        }
        exchange.setProperty(RECORD, record);
        long started = System.nanoTime();
        return Completion.whenDone(exchange, callback, store.record(event.eventId(), event.correlationIds(), record),
                (created, failure) -> {
                    if (failure != null) {
                        exchange.setException(failure);
                    } else {
                        if (!created) {
                            exchange.removeProperty(RECORD); // recorded by an earlier publish of this event: keep it
                        }
                        metrics.correlationWritten(Duration.ofNanos(System.nanoTime() - started));
                    }
                });
    }

    static String forwardRecord(EventEnvelope event) throws JsonProcessingException {
        ObjectNode record = EnvelopeJson.mapper().createObjectNode();
        ArrayNode parents = record.putArray("parent_event_ids");
        event.correlationIds().forEach(parent -> parents.add(parent.toString()));
        record.put("created_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        ObjectNode metadata = record.putObject("metadata").put("event_type", event.eventType());
        if (event.source().app() != null) {
            metadata.put("source_app", event.source().app());
        }
        return EnvelopeJson.mapper().writeValueAsString(record);
    }
}
