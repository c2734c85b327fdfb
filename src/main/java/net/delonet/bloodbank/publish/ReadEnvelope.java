package net.delonet.bloodbank.publish;

import com.fasterxml.jackson.databind.JsonNode;
import net.delonet.bloodbank.envelope.EnvelopeReader;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Route step: the request (JSON bytes or tree of an envelope) becomes a checked, complete {@code EventEnvelope}. */
public final class ReadEnvelope implements Processor {

    private final EnvelopeReader reader;

    public ReadEnvelope(EnvelopeReader reader) {
        this.reader = reader;
    }

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        exchange.getMessage().setBody(body instanceof JsonNode request
                ? reader.read(request) : reader.read(exchange.getMessage().getBody(byte[].class)));
    }
}
