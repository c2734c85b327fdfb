package net.delonet.bloodbank.console;

import com.rabbitmq.client.ConnectionFactory;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import net.delonet.bloodbank.backend.Connections;
import net.delonet.bloodbank.consume.topology.AdminConnection;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.correlation.CorrelationStore;
import net.delonet.bloodbank.http.ApiAuth;
import net.delonet.bloodbank.http.PlatformRouter;
import net.delonet.bloodbank.live.RecentEvents;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The console: static files from the jar ({@code bloodbank-console/} on the classpath) at {@code /console/}, with
 * {@code /} sending the browser there, on the API's own router (so {@link net.delonet.bloodbank.http.ApiAuthHandler}
 * guards it like the API), and the read endpoints only it needs (routes/console-reads.camel.yaml).
 */
@Configuration
public class ConsoleConfiguration implements CamelConfiguration {

    @BeanInject ConnectionFactory rabbit;
    @PropertyInject("bloodbank.console.archive-scan-ms") long archiveScanMs;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        AdminConnection broker = new AdminConnection(rabbit);
        context.addService(Connections.closedOnStop(broker));
        // The other configurations bind these, in an order of their own: looked up on use.
        registry.bind("eventLookup", new EventLookup(() -> registry.lookupByNameAndType("recentEvents", RecentEvents.class),
                () -> registry.lookupByNameAndType("correlationStore", CorrelationStore.class),
                () -> registry.lookupByNameAndType("consumerTopology", Topology.class), broker, Duration.ofMillis(archiveScanMs)));
        registry.bind("serviceInfo", new ServiceInfo(context));
        StaticHandler files = StaticHandler.create("bloodbank-console").setIndexPage("index.html").setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8");
        PlatformRouter.whenServing(context, router -> {
            router.get("/").handler(ctx -> ctx.redirect(ApiAuth.CONSOLE_PATH));
            router.route(ApiAuth.CONSOLE_PATH + "*").handler(files);
        });
    }
}
