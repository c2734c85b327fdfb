package net.delonet.bloodbank.consume.topology;

import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.delonet.bloodbank.live.TopicPattern;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer template's route policy: before the route consumes, declares its queues from the template's
 * {@code name} and {@code patterns}. A broker that is away only delays that (the queues are declared when the
 * consumer connects); a broker that refuses (a queue of the other type already exists) stops start-up, loudly.
 */
public final class DeclareConsumerQueues extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(DeclareConsumerQueues.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final Topology topology;
    private final EventTypeRegistry types;

    public DeclareConsumerQueues(Topology topology, EventTypeRegistry types) {
        this.topology = topology;
        this.types = types;
    }

    @Override
    public void onInit(Route route) {
        Map<String, Object> parameters = ((RouteDefinition) route.getRoute()).getTemplateParameters();
        // Values may hold placeholders, e.g. rag-ingester-{{bloodbank.replica-id}}: resolved as the route's own text is.
        String name = route.getCamelContext().resolvePropertyPlaceholders(String.valueOf(parameters.get("name")));
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Consumer name '" + name + "' must be lowercase [a-z0-9_-], e.g. rag-ingester");
        }
        List<String> patterns = Arrays.stream(route.getCamelContext().resolvePropertyPlaceholders(
                        String.valueOf(parameters.get("patterns"))).split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (Boolean.FALSE.equals(route.isAutoStartup())) {
            // A consumer switched off (enabled=false) declares nothing: a bound queue would fill up with nobody reading.
            LOG.info("Consumer {} is off: no queues declared", name);
            return;
        }
        patterns.forEach(pattern -> TopicPattern.misleadingStar(pattern, types.names())
                .ifPresent(warning -> LOG.warn("Consumer {}: {}", name, warning)));
        try {
            topology.declareConsumer(name, patterns);
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException refused && !refused.isHardError()) {
                throw new IllegalStateException("RabbitMQ refused the queues of consumer " + name + ": "
                        + refused.getReason() + " (a queue of another type or with other arguments exists?)", e);
            }
            LOG.warn("RabbitMQ is unreachable ({}): consumer {}'s queues will be declared when it connects", e, name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
