package net.delonet.bloodbank.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import net.delonet.bloodbank.refusal.ApiException;

/**
 * {@link ApiAuth} as one of the {@link RouterGuards}: a refusal is answered (and counted) like any other before any
 * route runs; a 401 says the scheme.
 */
public final class ApiAuthHandler implements Handler<RoutingContext> {

    private final ApiAuth auth;
    private final ErrorAnswer errors;

    public ApiAuthHandler(ApiAuth auth, ErrorAnswer errors) {
        this.auth = auth;
        this.errors = errors;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String remote = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        ApiAuth.Refusal refusal = auth.check(ctx.normalizedPath(), remote, ctx.request().getHeader("Authorization"));
        if (refusal == null) {
            ctx.next();
            return;
        }
        if (refusal.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bloodbank\"");
        }
        errors.answer(ctx, new ApiException(refusal.status(), "Authorization", refusal.message()));
    }
}
