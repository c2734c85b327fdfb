package net.delonet.bloodbank.consume;

import java.util.Collection;
import net.delonet.bloodbank.http.ApiException;

/** How a consumer's failure is classified: whether another attempt can help, and its machine-readable code. */
final class Failures {

    private static final int MAX_MESSAGE = 1000;

    private Failures() {
    }

    /**
     * Not retryable: a {@link NonRetryableException} (invalid events included), a request Bloodbank refused
     * (4xx: it would be refused again), or a class the consumer declared non-retryable; causes are looked at too.
     */
    static boolean isRetryable(Throwable failure, Collection<String> nonRetryable) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NonRetryableException || t instanceof ApiException api && api.status() < 500) {
                return false;
            }
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (nonRetryable.contains(type.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    static String errorCode(Throwable failure) {
        if (failure instanceof NonRetryableException e && e.errorCode() != null) {
            return e.errorCode();
        }
        if (failure instanceof ApiException api) {
            return "refused_" + api.status();
        }
        return failure.getClass().getSimpleName();
    }

    static String message(Throwable failure) {
        // Never blank: error_message is required on every failure payload.
        String message = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.getClass().getName()
                : failure.getMessage();
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
