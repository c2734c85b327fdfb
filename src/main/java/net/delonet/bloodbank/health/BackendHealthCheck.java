package net.delonet.bloodbank.health;

import java.util.function.BooleanSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness of a backend Bloodbank cannot publish without (RabbitMQ, Redis): DOWN makes the service not ready. */
public final class BackendHealthCheck extends AbstractHealthCheck {

    private final BooleanSupplier reachable;
    private final String target;

    public BackendHealthCheck(String id, String target, BooleanSupplier reachable) {
        super("bloodbank", id);
        this.target = target;
        this.reachable = reachable;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, java.util.Map<String, Object> options) {
        builder.detail("target", target);
        if (reachable.getAsBoolean()) {
            builder.up();
        } else {
            builder.message(getId() + " is unreachable at " + target).down();
        }
    }
}
