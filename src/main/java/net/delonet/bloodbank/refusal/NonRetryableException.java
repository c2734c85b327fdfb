package net.delonet.bloodbank.refusal;

/**
 * Thrown by a consumer's handler when trying again cannot help (bad input, a refused request): the message goes
 * straight to the consumer's dead-letter queue and a {@code .failed} event is published, without retries.
 * {@code errorCode} becomes the failure's {@code error_code}.
 */
public class NonRetryableException extends RuntimeException {

    private final String errorCode;

    public NonRetryableException(String message) {
        this(null, message, null);
    }

    public NonRetryableException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
