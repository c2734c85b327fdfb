package net.delonet.bloodbank.consume.pipeline;

import net.delonet.bloodbank.envelope.EventEnvelope;
import org.apache.camel.Exchange;
import org.springframework.amqp.core.MessageProperties;

/**
 * Which event a failed delivery was, from whatever is readable: the checked envelope; else the fields an invalid
 * envelope still had ({@link InvalidEventException}); else the AMQP {@code message_id} and {@code type}. Nulls when
 * nothing names it.
 */
record EventName(String id, String type) {

    static EventName of(Exchange exchange, Throwable error) {
        EventEnvelope event = exchange.getProperty(ReceiveEvent.ENVELOPE, EventEnvelope.class);
        if (event != null) {
            return new EventName(event.eventId().toString(), event.eventType());
        }
        InvalidEventException invalid = error instanceof InvalidEventException e ? e : null;
        MessageProperties props = Delivery.of(exchange) == null ? null : Delivery.of(exchange).getMessageProperties();
        return new EventName(invalid != null && invalid.eventId() != null ? invalid.eventId() : props == null ? null : props.getMessageId(),
                invalid != null && invalid.eventType() != null ? invalid.eventType() : props == null ? null : props.getType());
    }
}
