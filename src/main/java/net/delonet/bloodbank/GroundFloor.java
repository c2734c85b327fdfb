package net.delonet.bloodbank;

import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.RedisClient;
import net.delonet.bloodbank.backend.Connections;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.ops.BusMetrics;
import net.delonet.bloodbank.registry.EventTypeCatalog;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Registry;

/**
 * What every feature builds on, bound once before any configuration runs (and after the embedded backends chose their
 * addresses): the shared settings, RabbitMQ's connection factory, the one Redis client, the metrics, the event types
 * and their catalog. The configurations take them by {@code @BeanInject}; none looks another's up later.
 */
public final class GroundFloor extends MainListenerSupport {

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Registry registry = context.getRegistry();
        SharedSettings settings = SharedSettings.from(context.getPropertiesComponent());
        try {
            ConnectionFactory rabbit = Connections.rabbit(settings.rabbitUrl(), settings.rabbitConnectTimeoutMs());
            RedisClient redis = Connections.redis(settings.redisHost(), settings.redisPort(), settings.redisPassword(),
                    settings.redisDb(), settings.redisTimeoutMs());
            registry.bind("sharedSettings", settings);
            registry.bind("rabbitConnectionFactory", rabbit);
            registry.bind("redisClient", redis);
            EventTypeRegistry types = new EventTypeRegistry();
            registry.bind("eventTypes", types);
            registry.bind("eventTypeCatalog", new EventTypeCatalog(types));
            BusMetrics.bindTo(registry);
            // Added before any feature's service, so stopped after them all: the stores close their connections first.
            context.addService(Connections.closedOnStop(redis::shutdown));
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }
}
