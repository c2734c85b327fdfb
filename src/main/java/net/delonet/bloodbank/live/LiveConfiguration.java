package net.delonet.bloodbank.live;

import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import java.util.function.Supplier;
import net.delonet.bloodbank.http.PlatformRouter;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Live events: {@code GET /events/stream} (server-sent events, a Vert.x route on the platform-http router, registered
 * once the HTTP server runs) and the recent-events buffer the publish route feeds, behind {@code GET /events/recent}
 * (routes/events-recent.camel.yaml).
 */
@Configuration
public class LiveConfiguration implements CamelConfiguration {

    @PropertyInject("bloodbank.exchange") String exchange;
    @PropertyInject("bloodbank.live.heartbeat-ms") long heartbeatMs;
    @PropertyInject("bloodbank.live.client-buffer-bytes") int clientBufferBytes;
    @PropertyInject("bloodbank.live.recent-events") int recentEvents;

    @Override
    public void configure(CamelContext context) throws Exception {
        // BusConfiguration binds the broker's connection factory; the listeners share its settings, not its connection.
        EventListeners listeners = new EventListeners(
                () -> context.getRegistry().lookupByNameAndType("rabbitConnectionFactory", ConnectionFactory.class), exchange);
        context.getRegistry().bind("eventListeners", listeners);
        // Bound by the bus configuration, which may run after this one: looked up on use.
        Supplier<List<String>> eventTypes = () -> context.getRegistry().lookupByNameAndType("eventTypes", EventTypeRegistry.class).names();
        context.getRegistry().bind("recentEvents", new RecentEvents(recentEvents, eventTypes));
        PlatformRouter.whenServing(context, router -> router.get("/events/stream")
                .handler(new EventStream(listeners, heartbeatMs, clientBufferBytes, eventTypes)));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                listeners.close();
            }
        });
    }
}
