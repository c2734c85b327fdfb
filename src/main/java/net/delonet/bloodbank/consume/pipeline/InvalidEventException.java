package net.delonet.bloodbank.consume.pipeline;

import net.delonet.bloodbank.refusal.NonRetryableException;

/**
 * A delivered message that is not a valid event (not JSON, not an envelope, a payload its registered type refuses):
 * never retried. Carries the event id and type when the message still named them, so a {@code .failed} event can
 * point at it.
 */
public final class InvalidEventException extends NonRetryableException {

    private final String eventId;
    private final String eventType;

    public InvalidEventException(String message, String eventId, String eventType, Throwable cause) {
        super("invalid_event", message, cause);
        this.eventId = eventId;
        this.eventType = eventType;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }
}
