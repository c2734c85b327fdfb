package net.delonet.bloodbank.publish;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import net.delonet.bloodbank.http.AsyncRouteHandler;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * How a publish step goes on once Redis or the broker answered. An HTTP publish (served by {@link AsyncRouteHandler})
 * goes on asynchronously, on the I/O thread that completed the stage, so no thread waits; its route's remaining steps
 * are short and never block. Every other caller (webhooks, the file watcher, consumers' .failed events) waits on its
 * own thread instead: the rest of its route may block, and must not do so on a Redis or AMQP I/O thread.
 */
final class Completion {

    private Completion() {
    }

    /** Runs {@code then} with the stage's result or failure, then completes the step; the AsyncProcessor contract. */
    static <T> boolean whenDone(Exchange exchange, AsyncCallback callback, CompletionStage<T> stage,
                                BiConsumer<T, Throwable> then) {
        if (exchange.getProperty(AsyncRouteHandler.ASYNCHRONOUS, false, Boolean.class)) {
            stage.whenComplete((result, failure) -> {
                then.accept(result, failure == null ? null : cause(failure));
                callback.done(false);
            });
            return false;
        }
        T result = null;
        Throwable failure = null;
        try {
            result = stage.toCompletableFuture().join();
        } catch (CompletionException | CancellationException e) {
            failure = cause(e);
        }
        then.accept(result, failure);
        callback.done(true);
        return true;
    }

    /** Fails the step before it started waiting for anything. */
    static boolean failed(Exchange exchange, AsyncCallback callback, Exception failure) {
        exchange.setException(failure);
        callback.done(true);
        return true;
    }

    /** What a failed stage failed with, without the wrapper dependent stages add. */
    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
