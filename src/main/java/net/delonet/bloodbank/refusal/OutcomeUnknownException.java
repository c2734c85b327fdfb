package net.delonet.bloodbank.refusal;

/**
 * The broker may or may not have taken the event (no confirm in time, or the link closed after it was written):
 * 504. Its causation record stays; the client retries with the same event id, and consumers deduplicate.
 */
public class OutcomeUnknownException extends ApiException {

    private final String eventId;

    public OutcomeUnknownException(String eventId, String why, Throwable cause) {
        super(504, null, why + ": outcome unknown, retry with the same event_id " + eventId + " (or idempotency key)");
        this.eventId = eventId;
        initCause(cause);
    }

    public String eventId() {
        return eventId;
    }
}
