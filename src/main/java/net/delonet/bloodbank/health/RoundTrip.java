package net.delonet.bloodbank.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Whether a backend answers a round trip within a bound, asked without ever waiting longer than that bound.
 * The round trip runs on a thread of its own and may block (a hung broker holds it until it wakes or the link dies);
 * while one is out, callers share it, and one out longer than the bound means "not answering" at once.
 * A connection that is open says nothing about a server that stopped answering on it.
 */
public final class RoundTrip implements BooleanSupplier, AutoCloseable {

    private final BooleanSupplier ping;
    private final long boundNanos;
    private final ExecutorService thread;
    private CompletableFuture<Boolean> current;
    private long startedAt;

    public RoundTrip(String name, Duration bound, BooleanSupplier ping) {
        this.ping = ping;
        this.boundNanos = bound.toNanos();
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread probing = new Thread(task, name);
            probing.setDaemon(true);
            return probing;
        });
    }

    @Override
    public boolean getAsBoolean() {
        CompletableFuture<Boolean> trip;
        long started;
        synchronized (this) {
            if (current == null || current.isDone()) {
                current = CompletableFuture.supplyAsync(ping::getAsBoolean, thread);
                startedAt = System.nanoTime();
            }
            trip = current;
            started = startedAt;
        }
        long left = started + boundNanos - System.nanoTime();
        try {
            return left > 0 && trip.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
