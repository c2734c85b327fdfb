package net.delonet.bloodbank.consume.pipeline;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ValidationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.refusal.NonRetryableException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * How a consumer's failure is classified, in this one place for every consumer and handler: its real cause, whether
 * another attempt can help, and its machine-readable code.
 */
final class Failures {

    private static final int MAX_MESSAGE = 1000;
    /** Wrappers that only say "something failed inside": their cause is the failure. */
    private static final List<Class<? extends Throwable>> WRAPPERS = List.of(CamelExecutionException.class,
            InvocationTargetException.class, UndeclaredThrowableException.class, ExecutionException.class,
            CompletionException.class);
    /**
     * Failures the same event causes every time: a payload the handler cannot take as the type it declares, one its
     * validation or JSON mapping refuses, an argument refused (Lucene's "immense term", a number that does not parse).
     */
    private static final List<Class<? extends Throwable>> DETERMINISTIC = List.of(InvalidPayloadException.class,
            NoTypeConversionAvailableException.class, TypeConversionException.class, ValidationException.class,
            JsonMappingException.class, IllegalArgumentException.class);

    private Failures() {
    }

    /** The innermost exception that says what went wrong, below wrappers such as Camel's "Exception occurred…". */
    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (isWrapper(cause)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isWrapper(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause != null && cause != failure && (WRAPPERS.stream().anyMatch(type -> type.isInstance(failure))
                || failure.getMessage() == null || failure.getMessage().equals(cause.toString()));
    }

    /**
     * Not retryable: a deterministic failure (above), a {@link NonRetryableException} (invalid events included), a
     * request Bloodbank refused (4xx: it would be refused again), or a class the consumer declared non-retryable;
     * causes are looked at too.
     */
    static boolean isRetryable(Throwable failure, Collection<String> nonRetryable) {
        Throwable real = cause(failure);
        if (DETERMINISTIC.stream().anyMatch(type -> type.isInstance(real))) {
            return false;
        }
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
        Throwable real = cause(failure);
        if (real instanceof NonRetryableException e && e.errorCode() != null) {
            return e.errorCode();
        }
        if (real instanceof ApiException api) {
            return "refused_" + api.status();
        }
        return real.getClass().getSimpleName();
    }

    static String message(Throwable failure) {
        Throwable real = cause(failure);
        // Never blank: error_message is required on every failure payload.
        String message = real.getMessage() == null || real.getMessage().isBlank() ? real.getClass().getName()
                : real.getMessage();
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
