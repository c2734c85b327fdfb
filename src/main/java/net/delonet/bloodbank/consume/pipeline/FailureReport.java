package net.delonet.bloodbank.consume.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Optional;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.publish.EventBus;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageProperties;

/** What a consumer that gave up reports: the {@link Failure} read off the exchange, and its {@code .failed} event. */
public final class FailureReport {

    private static final Logger LOG = LoggerFactory.getLogger(FailureReport.class);

    private final Topology topology;
    private final EventTypeRegistry types;
    private final EventBus bus;
    private final String host;

    public FailureReport(Topology topology, EventTypeRegistry types, EventBus bus, String host) {
        this.topology = topology;
        this.types = types;
        this.bus = bus;
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

    /**
     * Publishes the {@code .failed} event and says what became of it, for the one dead-letter log line; a failure to
     * publish it is logged too (the dead letter already holds the message).
     */
    String publishFailedEvent(Failure failure) {
        // Bloodbank itself, reacting to an event on the bus (a hook in the seed's terms), names the consumer as its app.
        Source source = new Source(host, TriggerType.HOOK, "bloodbank/" + failure.consumer(), null);
        Optional<ObjectNode> request = FailedEvent.request(failure, types, source);
        if (request.isEmpty()) {
            return "no .failed event (no readable event, or a failure itself)";
        }
        try {
            return "published " + request.get().get("event_type").asText() + " " + bus.publish(request.get()).get("event_id").asText();
        } catch (RuntimeException e) {
            LOG.error("{} could not publish the .failed event for event {}: {}", failure.consumer(), failure.eventId(),
                    e.toString());
            return "its .failed event could not be published";
        }
    }
}
