package net.delonet.bloodbank.http;

import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/** The Vert.x router of the HTTP server Camel Main runs, for handlers platform-http cannot serve (streams, asynchronous routes). */
public final class PlatformRouter {

    private PlatformRouter() {
    }

    /**
     * Runs {@code mount} with the router once Camel has fully started: the HTTP server binds its router as it starts.
     * Until then the service is not ready ({@link RouterMounts}).
     */
    public static void whenServing(CamelContext context, Consumer<VertxPlatformHttpRouter> mount) throws Exception {
        RouterMounts mounts = RouterMounts.of(context);
        mounts.expect();
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the router may not exist yet
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                mount.accept(of(started));
                mounts.mounted();
            }
        });
    }

    /** The router, once the HTTP server runs. */
    public static VertxPlatformHttpRouter of(CamelContext context) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME);
        if (router == null) {
            router = context.getRegistry().findSingleByType(VertxPlatformHttpRouter.class);
        }
        if (router == null) {
            throw new IllegalStateException("No platform-http Vert.x router: is camel.server.enabled=true?");
        }
        return router;
    }
}
