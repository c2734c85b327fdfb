package net.delonet.bloodbank.consume.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Calls the consumer's handler endpoint on a copy of the exchange and rethrows its failure. A handler that is a
 * route has an error handler of its own, which marks a failure "exhausted"; on the exchange itself that would
 * stop the consumer's retry layer from seeing it. On the copy, every handler failure reaches it as new.
 */
public final class CallHandler implements Processor {

    static final String HANDLER = "bloodbank.handler";

    private final ProducerTemplate template;

    public CallHandler(ProducerTemplate template) {
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exchange handled = template.send(exchange.getProperty(HANDLER, String.class), exchange.copy());
        if (handled.getException() != null) {
            throw handled.getException();
        }
    }
}
