package net.delonet.bloodbank.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Puts the guards every request passes (the request rules, who may call, the body deadline) in front of every HTTP
 * route, on the Vert.x router itself: one place, before any Camel route runs, so no endpoint added later can forget
 * them; and makes the router's own refusals (no route 404, wrong method 405, body too large 413) JSON answers.
 * Installed while the context starts, before the routes' consumers open their paths.
 */
public final class RouterGuards implements StartupListener {

    private static final int[] ROUTER_REFUSALS = {400, 404, 405, 406, 408, 413, 414, 415, 431, 500, 503};

    private final List<Handler<RoutingContext>> guards;
    private final ErrorAnswer errors;
    private final Set<String> installed = new HashSet<>();

    public RouterGuards(ErrorAnswer errors, List<Handler<RoutingContext>> guards) {
        this.errors = errors;
        this.guards = guards;
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
                int order = Integer.MIN_VALUE;
                for (Handler<RoutingContext> guard : guards) {
                    router.route().order(order++).handler(guard);
                }
                // Failures in a route (a body over the limit: 413) end up with these
                router.route().order(order).failureHandler(errors::refuse);
            }
        }
    }

    /** The top router's refusals (no route: 404, wrong method: 405) as JSON answers. */
    public static void answerRefusals(Router router, ErrorAnswer errors) {
        for (int status : ROUTER_REFUSALS) {
            router.errorHandler(status, errors::refuse);
        }
    }
}
