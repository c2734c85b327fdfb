package net.delonet.bloodbank.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import net.delonet.bloodbank.consume.pipeline.ReceiveEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A consumer's handler for tests: records every call (event id, body, when) and then behaves as told — succeed,
 * or throw what {@code behaviour} returns for the call (it may also block, as a slow or stuck handler would).
 */
public final class RecordingHandler implements Processor {

    /** One call of the handler. */
    public record Call(String eventId, String eventType, Object body, long atMillis) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, RuntimeException> behaviour = call -> null;

    /** What the handler throws for a call (null: it succeeds). */
    public RecordingHandler behave(Function<Call, RuntimeException> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    @Override
    public void process(Exchange exchange) {
        Call call = new Call(exchange.getMessage().getHeader(ReceiveEvent.EVENT_ID, String.class),
                exchange.getMessage().getHeader(ReceiveEvent.EVENT_TYPE, String.class), exchange.getMessage().getBody(),
                System.currentTimeMillis());
        calls.add(call);
        RuntimeException failure = behaviour.apply(call);
        if (failure != null) {
            throw failure;
        }
    }

    public List<Call> calls(String eventId) {
        return calls.stream().filter(call -> eventId.equals(call.eventId())).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
