package net.delonet.bloodbank.live;

import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import java.util.function.Supplier;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.http.PlatformRouter;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.BeanInject;
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

    @BeanInject SharedSettings shared;
    @BeanInject ConnectionFactory rabbit;
    @BeanInject EventTypeRegistry types;
    @PropertyInject("bloodbank.live.heartbeat-ms") long heartbeatMs;
    @PropertyInject("bloodbank.live.client-buffer-bytes") int clientBufferBytes;
    @PropertyInject("bloodbank.live.recent-events") int recentEvents;

    @Override
    public void configure(CamelContext context) throws Exception {
        // The listeners share the broker's settings, not the publisher's connection.
        EventListeners listeners = new EventListeners(rabbit, shared.exchange());
        context.getRegistry().bind("eventListeners", listeners);
        Supplier<List<String>> eventTypes = types::names;
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
