package net.delonet.bloodbank.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@link ApiAuth} as the first of the {@link RouterGuards}: a refusal is answered before any route runs. */
public final class ApiAuthHandler implements Handler<RoutingContext> {

    private final ApiAuth auth;

    public ApiAuthHandler(ApiAuth auth) {
        this.auth = auth;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String remote = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        ApiAuth.Refusal refusal = auth.check(ctx.normalizedPath(), remote, ctx.request().getHeader("Authorization"));
        if (refusal == null) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(refusal.status()).putHeader("Content-Type", "application/json")
                .end("{\"error\":\"" + refusal.message() + "\",\"status\":" + refusal.status() + "}");
    }
}
