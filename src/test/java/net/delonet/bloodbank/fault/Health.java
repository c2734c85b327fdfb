package net.delonet.bloodbank.fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.delonet.bloodbank.testing.HttpApi;

/** Readiness as a load balancer polls it, with the slowest answer kept: the probe itself must stay fast. */
final class Health {

    private final HttpApi api;
    private final AtomicLong slowestNanos = new AtomicLong();
    private final List<String> probes = new CopyOnWriteArrayList<>();

    Health(HttpApi api) {
        this.api = api;
    }

    int status() {
        long started = System.nanoTime();
        int status = api.get("/observe/health").status();
        long took = System.nanoTime() - started;
        slowestNanos.accumulateAndGet(took, Math::max);
        probes.add(status + " in " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        return status;
    }

    /** Every probe so far, for the assertion's message. */
    List<String> probes() {
        return probes;
    }

    long slowestMillis() {
        return TimeUnit.NANOSECONDS.toMillis(slowestNanos.get());
    }
}
