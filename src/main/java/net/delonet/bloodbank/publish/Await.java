package net.delonet.bloodbank.publish;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Waits on the calling thread for Redis or the broker. Platform-http runs each request's route on a Vert.x
 * worker that waits for the route anyway, so waiting there keeps the work (JSON, publishing, answering) spread
 * over the workers instead of continuing every route on the single Redis or AMQP I/O thread that completed it.
 */
final class Await {

    private Await() {
    }

    static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
