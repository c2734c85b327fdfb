package net.delonet.bloodbank.consume.pipeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer template's retry decision, for its one retry layer (Camel's redelivery, which repeats the step that
 * failed: the handler, or the dedupe mark after a handler that succeeded, never the handler again for that).
 * On every failure ({@code onExceptionOccurred}) the attempt is counted and timed; the event's claim stays held.
 * Another attempt follows ({@link #shouldRetry}) while the failure is retryable and retries remain.
 */
public final class Attempts implements Processor {

    static final String COUNT = "bloodbank.attempts";
    static final String FIRST_FAILURE = "bloodbank.firstFailureAt";
    static final String LAST_FAILURE = "bloodbank.lastFailureAt";
    static final String RETRIES = "bloodbank.retries";
    static final String NON_RETRYABLE = "bloodbank.nonRetryable";
    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    @Override
    public void process(Exchange exchange) {
        int attempts = exchange.getProperty(COUNT, 0, Integer.class) + 1;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        exchange.setProperty(COUNT, attempts);
        exchange.setProperty(LAST_FAILURE, now);
        if (attempts == 1) {
            exchange.setProperty(FIRST_FAILURE, now);
        }
        // The one line per attempt: the real cause, no stack trace (handler routes leave logging to this).
        Throwable error = exchange.getException();
        EventName event = EventName.of(exchange, error);
        boolean retryable = Failures.isRetryable(error, nonRetryable(exchange));
        LOG.warn("{} failed on event {} ({}), attempt {}/{}{}: {}", exchange.getProperty(ReceiveEvent.CONSUMER),
                event.id(), event.type(), attempts, exchange.getProperty(RETRIES, 0, Integer.class) + 1,
                retryable ? "" : " (not retryable)", Failures.message(error));
    }

    /** The {@code retryWhile} predicate (the bean language calls it by name). */
    public boolean shouldRetry(Exchange exchange) {
        return exchange.getProperty(COUNT, 0, Integer.class) <= exchange.getProperty(RETRIES, 0, Integer.class)
                && Failures.isRetryable(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class), nonRetryable(exchange));
    }

    static Set<String> nonRetryable(Exchange exchange) {
        return Arrays.stream(exchange.getProperty(NON_RETRYABLE, "", String.class).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    }
}
