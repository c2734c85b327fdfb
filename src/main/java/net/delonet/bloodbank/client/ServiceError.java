package net.delonet.bloodbank.client;

/** The service refused a request: its HTTP status, the field at fault (null when none) and its message. */
public class ServiceError extends RuntimeException {

    private final int status;
    private final String field;

    public ServiceError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** The caller's request was wrong (bad input, unknown id): as opposed to the service failing. */
    public boolean isBadInput() {
        return status == 400 || status == 404 || status == 409 || status == 413 || status == 422;
    }

    /** One line for a person: {@code payload.provider: must not be null (HTTP 422)}. */
    public String describe() {
        String message = getMessage();
        boolean named = field != null && message != null && message.startsWith(field);
        return (field == null || named ? "" : field + ": ") + message + " (HTTP " + status + ")";
    }
}
