package net.delonet.bloodbank.fireflies;

import net.delonet.bloodbank.refusal.ApiException;

/**
 * Fireflies' API did not give Bloodbank what it asked for. A webhook answers with its status: 503 when trying
 * again later may help (Fireflies down, rate limit, no answer), 502 when it will not (refused key, malformed answer,
 * GraphQL error, no such transcript).
 */
public class FirefliesException extends ApiException {

    private final String code;

    private FirefliesException(int status, String code, String message) {
        super(status, null, message);
        this.code = code;
    }

    public static FirefliesException retryable(String code, String message) {
        return new FirefliesException(503, code, message);
    }

    public static FirefliesException permanent(String code, String message) {
        return new FirefliesException(502, code, message);
    }

    public boolean isRetryable() {
        return status() == 503;
    }

    /** Fireflies' error code (e.g. {@code auth_failed}) or Bloodbank's for transport failures ({@code http_503}). */
    public String code() {
        return code;
    }
}
