package net.delonet.bloodbank.fireflies;

import net.delonet.bloodbank.refusal.NonRetryableException;

/**
 * Fireflies' API did not give Bloodbank what it asked for: retryable when trying again later may help (Fireflies
 * down, rate limit, no answer), permanent when it will not (refused key, malformed answer, GraphQL error, no such
 * transcript).
 */
public class FirefliesException extends RuntimeException {

    private final String code;
    private final boolean retryable;

    private FirefliesException(boolean retryable, String code, String message) {
        super(message);
        this.retryable = retryable;
        this.code = code;
    }

    public static FirefliesException retryable(String code, String message) {
        return new FirefliesException(true, code, message);
    }

    public static FirefliesException permanent(String code, String message) {
        return new FirefliesException(false, code, message);
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** Fireflies' error code (e.g. {@code auth_failed}) or Bloodbank's for transport failures ({@code http_503}). */
    public String code() {
        return code;
    }

    /** As a consumer's handler fails: a permanent failure skips the retries, with Fireflies' code as its error_code. */
    RuntimeException forConsumer() {
        return retryable ? this : new NonRetryableException(code, getMessage(), this);
    }
}
