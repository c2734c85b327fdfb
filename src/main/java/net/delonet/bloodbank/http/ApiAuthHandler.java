package net.delonet.bloodbank.http;

import io.vertx.core.Handler;
import java.util.HashSet;
import java.util.Set;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Puts {@link ApiAuth} in front of every HTTP route, on the Vert.x router itself: one place, before any Camel
 * route runs, so no endpoint added later can forget it. Installed while the context starts, before the
 * routes' consumers open their paths. Refusals are answered (and counted) like any other; a 401 says the scheme.
 */
public final class ApiAuthHandler implements Handler<RoutingContext>, StartupListener {

    private final ApiAuth auth;
    private final ErrorAnswer errors;
    private final Set<String> installed = new HashSet<>();

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
        errors.answer(ctx, new ApiException(refusal.status(), null, refusal.message()));
    }

    @Override
    public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
        install(context);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        install(context);
    }

    private synchronized void install(CamelContext context) {
        // One router per HTTP port (the management endpoints share the API's port).
        for (VertxPlatformHttpRouter router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            if (installed.add(router.getName())) {
                router.route().order(Integer.MIN_VALUE).handler(this);
            }
        }
    }
}
