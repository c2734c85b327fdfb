package net.delonet.bloodbank.config;

import io.vertx.core.VertxOptions;
import net.delonet.bloodbank.http.ApiAuth;
import net.delonet.bloodbank.http.ApiAuthHandler;
import net.delonet.bloodbank.http.AsyncRouteHandler;
import net.delonet.bloodbank.http.ErrorAnswer;
import net.delonet.bloodbank.http.PlatformRouter;
import net.delonet.bloodbank.ops.BusMetrics;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side every API route shares: worker threads, who may call, how refusals are answered. */
@Configuration
public class HttpConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConfiguration.class);

    @PropertyInject("bloodbank.http.worker-threads") int workerThreads;
    @PropertyInject(value = "bloodbank.api-tokens", defaultValue = "") String apiTokens;

    @Override
    public void configure(CamelContext context) throws Exception {
        // Each platform-http request holds a Vert.x worker while its route runs.
        context.getRegistry().bind("vertxOptions", new VertxOptions().setWorkerPoolSize(workerThreads));
        ErrorAnswer errors = new ErrorAnswer(BusMetrics.in(context.getRegistry()));
        context.getRegistry().bind("errorAnswer", errors);
        // Publishing waits for Redis and the broker: served by routes run asynchronously, not platform-http's workers.
        // block=false: a stopped route is a 503 at once, not an event loop waiting for it to start.
        AsyncRouteHandler publishEnvelope = new AsyncRouteHandler(context, "direct:publish-envelope?block=false");
        AsyncRouteHandler publishPayload = new AsyncRouteHandler(context, "direct:publish-payload?block=false");
        PlatformRouter.whenServing(context, router -> {
            router.post("/events").handler(router.bodyHandler()).handler(publishEnvelope).failureHandler(errors::refuse);
            router.post("/events/:event_type").handler(router.bodyHandler()).handler(publishPayload)
                    .failureHandler(errors::refuse);
        });
        ApiAuth auth = new ApiAuth(apiTokens);
        context.addStartupListener(new ApiAuthHandler(auth, errors));
        LOG.info(auth.tokensConfigured()
                ? "API requires a bearer token (BLOODBANK_API_TOKENS); webhooks authenticate by signature"
                : "API serves loopback clients only: set BLOODBANK_API_TOKENS to let other hosts in with a bearer token");
    }
}
