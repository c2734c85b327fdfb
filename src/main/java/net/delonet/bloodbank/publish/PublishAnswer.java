package net.delonet.bloodbank.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventEnvelope;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Route step: the 202 answer to a confirmed publish. */
public final class PublishAnswer implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        EventEnvelope event = exchange.getMessage().getBody(EventEnvelope.class);
        ObjectNode answer = EnvelopeJson.mapper().createObjectNode()
                .put("event_id", event.eventId().toString())
                .put("event_type", event.eventType())
                .put("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.timestamp()))
                .put("routed", exchange.getProperty(PublishEvent.ROUTED, Boolean.class));
        ArrayNode parents = answer.putArray("correlation_ids");
        event.correlationIds().forEach(parent -> parents.add(parent.toString()));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(EnvelopeJson.mapper().writeValueAsBytes(answer));
    }
}
