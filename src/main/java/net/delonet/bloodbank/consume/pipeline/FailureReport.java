package net.delonet.bloodbank.consume.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Optional;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.Exchange;
import org.springframework.amqp.core.MessageProperties;

/**
 * What a consumer that gave up reports: the {@link Failure} read off the exchange, and the envelope request of its
 * {@code .failed} event (published by the dead-letter route, routes/consumer-template.camel.yaml).
 */
public final class FailureReport {

    private final Topology topology;
    private final EventTypeRegistry types;
    private final String host;

    public FailureReport(Topology topology, EventTypeRegistry types, String host) {
        this.topology = topology;
        this.types = types;
        this.host = host;
    }

    /** The template's {@code stage} parameter, on the exchange. */
    static final String STAGE = "bloodbank.stage";

    Failure of(Exchange exchange, Throwable error) {
        String consumer = exchange.getProperty(ReceiveEvent.CONSUMER, String.class);
        MessageProperties props = Delivery.of(exchange).getMessageProperties();
        EventEnvelope event = exchange.getProperty(ReceiveEvent.ENVELOPE, EventEnvelope.class);
        EventName name = EventName.of(exchange, error);
        Object redrives = props.getHeaders().getOrDefault(DeadLetter.REDRIVES, 0);
        String stage = exchange.getProperty(STAGE, String.class);
        return new Failure(consumer, stage == null || stage.isBlank() ? consumer : stage, name.id(), name.type(),
                event == null ? null : event.payload(), Failures.cause(error),
                Failures.isRetryable(error, Attempts.nonRetryable(exchange)),
                exchange.getProperty(Attempts.COUNT, 1, Integer.class),
                exchange.getProperty(Attempts.FIRST_FAILURE, OffsetDateTime.class),
                exchange.getProperty(Attempts.LAST_FAILURE, OffsetDateTime.class),
                Integer.parseInt(redrives.toString()), topology.deadLetters(consumer));
    }

    /** The {@code .failed} event's envelope request, or empty when there must be none ({@link FailedEvent} says when). */
    Optional<ObjectNode> failedEvent(Failure failure) {
        // Bloodbank itself, reacting to an event on the bus (a hook in the seed's terms), names the consumer as its app.
        Source source = new Source(host, TriggerType.HOOK, "bloodbank/" + failure.consumer(), null);
        return FailedEvent.request(failure, types, source);
    }
}
