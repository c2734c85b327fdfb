package net.delonet.bloodbank.ops;

import io.vertx.ext.web.RoutingContext;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;

/**
 * Serves /observe/metrics to every Prometheus scraper. Camel's own handler there answers only clients whose Accept
 * names its exact media type ({@code text/plain; version=0.0.4; charset=utf-8}) or a wildcard: {@code text/plain}
 * or {@code text/plain;version=0.0.4} alone got 406. Mounted after it on the same path, this answers the rest with
 * the same exposition (OpenMetrics when asked for).
 */
@Configuration
public class MetricsConfiguration implements CamelConfiguration {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    @PropertyInject(value = "camel.metrics.path", defaultValue = "/observe/metrics") String path;
    @BeanInject BusMetrics metrics;

    @Override
    public void configure(CamelContext context) throws Exception {
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the management server starts its router with the context
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                ManagementHttpServer server = started.hasService(ManagementHttpServer.class);
                if (server != null && server.isMetricsEnabled() && server.getRouter() != null) {
                    // a blocking handler: a scrape walks every meter
                    server.getRouter().get(path).blockingHandler(ctx -> scrape(ctx, metrics));
                }
            }
        });
    }

    private static void scrape(RoutingContext ctx, BusMetrics metrics) {
        String accept = ctx.request().getHeader("Accept");
        String type = accept != null && accept.contains("application/openmetrics-text") ? OPEN_METRICS : TEXT;
        ctx.response().putHeader("Content-Type", type).end(metrics.scrape(type));
    }
}
