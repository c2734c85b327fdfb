package net.delonet.bloodbank.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import net.delonet.bloodbank.consume.topology.Topology;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;

/**
 * {@code GET /debug/service}: what the console's health view shows beside {@code /observe/health}: the Camel version,
 * the backends in use, every route with its state and counts (from Camel's management, when on), each consumer's
 * patterns and state, and where the developer console is.
 */
public final class ServiceInfo {

    private final CamelContext context;

    public ServiceInfo(CamelContext context) {
        this.context = context;
    }

    public JsonNode describe() {
        ObjectNode answer = EnvelopeJson.mapper().createObjectNode()
                .put("name", context.getName())
                .put("camel_version", context.getVersion())
                .put("uptime_ms", context.getUptime().toMillis())
                .put("broker", property("bloodbank.backends.broker"))
                .put("store", property("bloodbank.backends.store"))
                .put("dev_console", "/q/dev");
        ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        ArrayNode routes = answer.putArray("routes");
        context.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId)).forEach(route -> {
            ObjectNode one = routes.addObject().put("id", route.getRouteId())
                    .put("from", route.getEndpoint().getEndpointBaseUri())
                    .put("state", String.valueOf(context.getRouteController().getRouteStatus(route.getRouteId())));
            ManagedRouteMBean stats = managed == null ? null : managed.getManagedRoute(route.getRouteId());
            if (stats != null) {
                one.put("exchanges_total", stats.getExchangesTotal()).put("exchanges_failed", stats.getExchangesFailed())
                        .put("exchanges_inflight", stats.getExchangesInflight());
            }
        });
        ArrayNode consumers = answer.putArray("consumers");
        Topology topology = context.getRegistry().lookupByNameAndType("consumerTopology", Topology.class);
        if (topology != null) {
            topology.consumers().forEach((name, patterns) -> consumers.addObject().put("name", name)
                    .put("state", String.valueOf(context.getRouteController().getRouteStatus("consumer-" + name)))
                    .putPOJO("patterns", patterns));
        }
        return answer;
    }

    private String property(String name) {
        return context.getPropertiesComponent().resolveProperty(name).orElse(null);
    }
}
