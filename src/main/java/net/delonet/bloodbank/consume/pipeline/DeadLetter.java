package net.delonet.bloodbank.consume.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import net.delonet.bloodbank.consume.topology.QueueWriter;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

/**
 * Where a consumer's failed message ends: after its last attempt, or at once when the failure is not retryable.
 * The original message (body and properties untouched) goes onto {@code <name>.dlq} with headers saying why; the
 * route then publishes the {@code .failed} event this step made its body (routes/consumer-template.camel.yaml), and
 * only then is the delivery acknowledged ({@link #acknowledge}). When the dead letter cannot be written, the delivery
 * goes back onto the consumer's queue instead, and the route ends: a failure never loses a message.
 */
public final class DeadLetter implements Processor {

    public static final String CONSUMER = "x-bloodbank-consumer";
    public static final String ERROR_CLASS = "x-bloodbank-error-class";
    public static final String ERROR_MESSAGE = "x-bloodbank-error-message";
    public static final String ERROR_CODE = "x-bloodbank-error-code";
    public static final String RETRYABLE = "x-bloodbank-retryable";
    public static final String ATTEMPTS = "x-bloodbank-attempts";
    public static final String FIRST_FAILURE = "x-bloodbank-first-failure-at";
    public static final String LAST_FAILURE = "x-bloodbank-last-failure-at";
    /** The routing key the event was published with (a redriven or replayed message arrives by its queue's name). */
    public static final String ROUTING_KEY = "x-bloodbank-routing-key";
    public static final String REDRIVES = "x-bloodbank-redrives";
    /** The event's id and type as far as they were readable (the envelope's, else the AMQP message_id and type). */
    public static final String EVENT_ID = "x-bloodbank-event-id";
    public static final String EVENT_TYPE = "x-bloodbank-event-type";
    /** Exchange properties: the failure, the .failed event's request, why it could not be published (set by the route). */
    static final String FAILURE = "bloodbank.failure";
    static final String FAILED_EVENT = "bloodbank.failedEvent";
    static final String FAILED_EVENT_ERROR = "bloodbank.failedEventError";
    /** A dead letter that could not be written is put back after this pause, so a broken DLQ is not a hot loop. */
    private static final long REQUEUE_PAUSE_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetter.class);

    private final Topology topology;
    private final QueueWriter writer;
    private final FailureReport report;

    public DeadLetter(Topology topology, QueueWriter writer, FailureReport report) {
        this.topology = topology;
        this.writer = writer;
        this.report = report;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error instanceof RejectedExecutionException || !Delivery.isOpen(exchange)) {
            // Camel is stopping between attempts, or the channel is gone: the message waits on the queue for later.
            Delivery.requeue(exchange);
            exchange.setRouteStop(true);
            return;
        }
        try {
            deadLetter(exchange, error);
        } catch (Exception e) {
            String consumer = exchange.getProperty(ReceiveEvent.CONSUMER, String.class);
            LOG.error("{} could not dead-letter a message ({}): back onto its queue", consumer, e.toString());
            Thread.sleep(REQUEUE_PAUSE_MS);
            // Its dead-letter queue may have been deleted: declared again, the next attempt can succeed.
            redeclare(consumer);
            Delivery.requeue(exchange);
            exchange.setRouteStop(true);
        }
    }

    private void redeclare(String consumer) {
        try {
            topology.redeclare(consumer);
        } catch (Exception e) {
            LOG.warn("Could not declare the queues of {} again: {}", consumer, e.toString());
        }
    }

    private void deadLetter(Exchange exchange, Throwable error) throws Exception {
        Message delivery = Delivery.of(exchange);
        Failure failure = report.of(exchange, error);
        writer.send(failure.deadLetterQueue(), properties(delivery, failure), delivery.getBody());
        ObjectNode failedEvent = report.failedEvent(failure).orElse(null);
        exchange.setProperty(FAILURE, failure);
        exchange.setProperty(FAILED_EVENT, failedEvent);
        exchange.getMessage().setBody(failedEvent);
    }

    /** The route's last step: one log line saying what became of the message and its .failed event, then the ack. */
    public void acknowledge(Exchange exchange) throws IOException {
        Failure failure = exchange.getProperty(FAILURE, Failure.class);
        ObjectNode failedEvent = exchange.getProperty(FAILED_EVENT, ObjectNode.class);
        String publishError = exchange.getProperty(FAILED_EVENT_ERROR, String.class);
        String reported;
        if (failedEvent == null) {
            reported = "no .failed event (no readable event, or a failure itself)";
        } else if (publishError != null) {
            LOG.error("{} could not publish the .failed event for event {}: {}", failure.consumer(), failure.eventId(), publishError);
            reported = "its .failed event could not be published";
        } else {
            reported = "published " + failedEvent.path("event_type").asText() + " "
                    + EnvelopeJson.mapper().readTree(exchange.getMessage().getBody(byte[].class)).path("event_id").asText();
        }
        LOG.warn("{} dead-lettered event {} ({}) after {} attempt(s) onto {}, {}: {}", failure.consumer(),
                failure.eventId(), failure.eventType(), failure.attempts(), failure.deadLetterQueue(), reported,
                failure.errorMessage());
        Delivery.ack(exchange);
    }

    private static AMQP.BasicProperties properties(Message delivery, Failure failure) {
        AMQP.BasicProperties original = new DefaultMessagePropertiesConverter()
                .fromMessageProperties(delivery.getMessageProperties(), "UTF-8").builder().deliveryMode(2).build();
        Object routingKey = delivery.getMessageProperties().getHeaders()
                .getOrDefault(ROUTING_KEY, delivery.getMessageProperties().getReceivedRoutingKey());
        Map<String, Object> headers = new HashMap<>(Map.of(
                ROUTING_KEY, routingKey,
                CONSUMER, failure.consumer(),
                ERROR_CLASS, failure.error().getClass().getName(),
                ERROR_MESSAGE, failure.errorMessage(),
                ERROR_CODE, failure.errorCode(),
                RETRYABLE, failure.retryable(),
                ATTEMPTS, failure.attempts(),
                FIRST_FAILURE, failure.firstFailureAt().toString(),
                LAST_FAILURE, failure.lastFailureAt().toString()));
        if (failure.eventId() != null) {
            headers.put(EVENT_ID, failure.eventId());
        }
        if (failure.eventType() != null) {
            headers.put(EVENT_TYPE, failure.eventType());
        }
        return QueueWriter.withHeaders(original, headers);
    }

    /** A dead letter's event id: the one written when it was dead-lettered, else its AMQP message_id. */
    public static String eventId(AMQP.BasicProperties deadLetter) {
        return header(deadLetter, EVENT_ID, deadLetter.getMessageId());
    }

    public static String eventType(AMQP.BasicProperties deadLetter) {
        return header(deadLetter, EVENT_TYPE, deadLetter.getType());
    }

    private static String header(AMQP.BasicProperties props, String name, String otherwise) {
        Object value = props.getHeaders() == null ? null : props.getHeaders().get(name);
        return value == null ? otherwise : value.toString();
    }
}
