package net.delonet.bloodbank.http;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Not ready until every handler given to {@link PlatformRouter#whenServing} is on the router: Camel calls its routes
 * started, and readiness answered 200, before the fully-started listeners mount /events, /mcp and /events/stream.
 */
final class RouterMounts extends AbstractHealthCheck {

    private static final String NAME = "bloodbankRouterMounts";

    private final AtomicInteger pending = new AtomicInteger();

    private RouterMounts() {
        super("bloodbank", "http-routes");
    }

    static synchronized RouterMounts of(CamelContext context) {
        RouterMounts mounts = context.getRegistry().lookupByNameAndType(NAME, RouterMounts.class);
        if (mounts == null) {
            mounts = new RouterMounts();
            context.getRegistry().bind(NAME, mounts);
        }
        return mounts;
    }

    void expect() {
        pending.incrementAndGet();
    }

    void mounted() {
        pending.decrementAndGet();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        int waiting = pending.get();
        if (waiting == 0) {
            builder.up();
        } else {
            builder.message(waiting + " HTTP handler(s) not on the router yet").down();
        }
    }
}
