package net.delonet.bloodbank.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.ops.BusMetrics;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side every API route shares: worker threads, who may call, how refusals are answered. */
@Configuration
public class HttpConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConfiguration.class);

    @PropertyInject("bloodbank.http.worker-threads") int workerThreads;
    @PropertyInject(value = "bloodbank.api-tokens", defaultValue = "") String apiTokens;
    @PropertyInject("bloodbank.http.idle-timeout-seconds") int idleTimeoutSeconds;
    @PropertyInject("bloodbank.http.body-timeout-ms") long bodyTimeoutMs;
    @PropertyInject("bloodbank.http.max-connections") int maxConnections;
    @BeanInject SharedSettings shared;
    @BeanInject BusMetrics metrics;

    @Override
    public void configure(CamelContext context) throws Exception {
        // Each platform-http request holds a Vert.x worker while its route runs. The Vert.x instance is ours (Camel's
        // HTTP server takes it from the registry), so that its HTTP server gets our connection limits; closed last.
        ErrorAnswer errors = new ErrorAnswer(metrics);
        context.getRegistry().bind("errorAnswer", errors);
        HttpServerLimits limits = new HttpServerLimits(errors::refuseMalformed,
                router -> RouterGuards.answerRefusals(router, errors), idleTimeoutSeconds, maxConnections);
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(workerThreads));
        context.getRegistry().bind("vertx", Vertx.class, limits.vertx(vertx));
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                vertx.close();
            }
        });
        // Only headers describing the answer leave a route: nothing from the request becomes a response header.
        context.getComponent("platform-http", PlatformHttpComponent.class).setHeaderFilterStrategy(new AnswerHeaders());
        // Publishing waits for Redis and the broker: served by routes run asynchronously, not platform-http's workers.
        // block=false: a stopped route is a 503 at once, not an event loop waiting for it to start.
        AsyncRouteHandler publishEnvelope = new AsyncRouteHandler(context, "direct:publish-envelope?block=false");
        AsyncRouteHandler publishPayload = new AsyncRouteHandler(context, "direct:publish-payload?block=false");
        PlatformRouter.whenServing(context, router -> {
            router.post("/events").handler(router.bodyHandler()).handler(publishEnvelope);
            router.post("/events/:event_type").handler(router.bodyHandler()).handler(publishPayload);
        });
        ApiAuth auth = new ApiAuth(apiTokens);
        context.addStartupListener(new RouterGuards(errors, List.of(new RequestRules(errors), new ApiAuthHandler(auth, errors),
                new BodyDeadline(bodyTimeoutMs, errors))));
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // Camel logs a failed listen and carries on without an API: a service that cannot serve stops. Exit runs
                // the shutdown hooks (Camel stops), from a thread of its own: this one is still starting Camel.
                if (limits.unbound()) {
                    LOG.error("HTTP port {} is already in use (HTTP_PORT): Bloodbank cannot serve its API and exits", shared.serverPort());
                    new Thread(() -> System.exit(1), "http-port-taken").start();
                }
            }
        });
        LOG.info(auth.tokensConfigured()
                ? "API requires a bearer token (BLOODBANK_API_TOKENS); webhooks authenticate by signature"
                : "API serves loopback clients only: set BLOODBANK_API_TOKENS to let other hosts in with a bearer token");
    }
}
