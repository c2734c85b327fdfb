package net.delonet.bloodbank.backend;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Connecting to a backend waits on the network, which callers on an event loop must not do: the attempt runs on a
 * thread of its own. Behind a backend that does not answer, attempts queue up on that thread, so each caller's
 * answer is bounded by a timeout; work whose caller was already answered (refused) is not started afterwards.
 */
public final class Connecting implements AutoCloseable {

    /** Opens (or returns the open) connection or channel; may wait on the network. */
    @FunctionalInterface
    public interface Open<C> {
        C open() throws IOException;
    }

    private final Duration timeout;
    private final Function<Throwable, ? extends RuntimeException> unavailable;
    private final ExecutorService thread;

    /** {@code unavailable} turns why it failed (a {@link TimeoutException} when out of time) into the caller's error. */
    public Connecting(String threadName, Duration timeout, Function<Throwable, ? extends RuntimeException> unavailable) {
        this.timeout = timeout;
        this.unavailable = unavailable;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread connecting = new Thread(task, threadName);
            connecting.setDaemon(true);
            return connecting;
        });
    }

    /** {@code use} on what {@code open} gives, done on the connecting thread, unless the caller was answered meanwhile. */
    public <C, T> CompletionStage<T> then(Open<C> open, Function<C, CompletionStage<T>> use) {
        CompletableFuture<T> done = new CompletableFuture<>();
        // Either the timeout refuses the caller, or the work starts: never both. Once started, the work's own
        // bound answers (a publish or write already sent has an outcome only its own answer can tell).
        AtomicBoolean decided = new AtomicBoolean();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (decided.compareAndSet(false, true)) {
                done.completeExceptionally(unavailable.apply(new TimeoutException("not connected in time")));
            }
        });
        thread.execute(() -> {
            if (decided.get()) {
                return;
            }
            try {
                C opened = open.open();
                if (!decided.compareAndSet(false, true)) {
                    return; // answered already (refused): using it now would act on a refused request
                }
                use.apply(opened).whenComplete((result, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(result);
                    }
                });
            } catch (IOException | RuntimeException e) {
                decided.set(true);
                done.completeExceptionally(unavailable.apply(e));
            }
        });
        return done;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
