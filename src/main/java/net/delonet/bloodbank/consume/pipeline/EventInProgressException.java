package net.delonet.bloodbank.consume.pipeline;

/**
 * Another delivery of the same event is being handled right now (a duplicate publish, or a redelivery while the
 * first handler still runs) and did not finish within the claim's lifetime: retried like any transient failure.
 */
public final class EventInProgressException extends RuntimeException {

    public EventInProgressException(String consumer, String eventId) {
        super("Event " + eventId + " is being handled by another delivery of consumer " + consumer);
    }
}
