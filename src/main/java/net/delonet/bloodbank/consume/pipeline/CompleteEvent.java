package net.delonet.bloodbank.consume.pipeline;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's last step, after its handler succeeded: marks the event handled (for the consumer's dedupe TTL),
 * and only then acknowledges the delivery. A crash before the ack brings the message back; the mark skips it.
 */
public final class CompleteEvent implements Processor {

    static final String DEDUPE_TTL_SECONDS = "bloodbank.dedupeTtlSeconds";
    private static final Logger LOG = LoggerFactory.getLogger(CompleteEvent.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        Claim claim = exchange.getProperty(ReceiveEvent.CLAIM, Claim.class);
        claim.complete(Duration.ofSeconds(exchange.getProperty(DEDUPE_TTL_SECONDS, Long.class)));
        Delivery.ack(exchange);
        LOG.info("{} handled event {} ({})", exchange.getProperty(ReceiveEvent.CONSUMER),
                exchange.getMessage().getHeader(ReceiveEvent.EVENT_ID), exchange.getMessage().getHeader(ReceiveEvent.EVENT_TYPE));
    }
}
