package net.delonet.bloodbank.refusal;

/** RabbitMQ or Redis could not do its part in time: the client may retry (503). */
public class UnavailableException extends ApiException {

    public UnavailableException(String message, Throwable cause) {
        super(503, null, message);
        initCause(cause);
    }
}
