package net.delonet.bloodbank.routing;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode: Camel's reload replaces a saved file's routes but skips its {@code templatedRoute}s, and every consumer is
 * one, so a changed {@code patterns} went unnoticed. After Camel's own reload, this replaces each templated route of
 * the file (its route policy then binds the new patterns and unbinds the removed ones); one that cannot be replaced
 * is said in the log, with what to do.
 */
public final class TemplatedRouteReload implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(TemplatedRouteReload.class);

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the watcher is set up by now; wrapped once it is running
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        RouteWatcherReloadStrategy watcher = context.hasService(RouteWatcherReloadStrategy.class);
        if (watcher == null || watcher.getResourceReload() == null) {
            return;
        }
        ResourceReload camels = watcher.getResourceReload();
        watcher.setResourceReload((name, resource) -> {
            camels.onReload(name, resource);
            if (!name.endsWith(".properties")) {
                replaceTemplatedRoutes(context, resource);
            }
        });
    }

    private static void replaceTemplatedRoutes(CamelContext context, Resource resource) {
        try {
            if (!resource.exists()) {
                return;
            }
            ModelCamelContext model = (ModelCamelContext) context;
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource))) {
                if (builder instanceof RouteBuilder routes) {
                    routes.configureRoutes(context);
                    for (TemplatedRouteDefinition templated : routes.getTemplatedRouteCollection().getTemplatedRoutes()) {
                        RouteDefinition old = templated.getRouteId() == null ? null : model.getRouteDefinition(templated.getRouteId());
                        if (old != null) {
                            model.removeRouteDefinition(old);
                        }
                        model.addRouteFromTemplatedRoute(templated);
                        LOG.info("Reloaded templated route {} from {}", templated.getRouteId(), resource.getLocation());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not reload the templated routes (consumers) of {}: {}. Restart Bloodbank to apply them",
                    resource.getLocation(), e.toString());
        }
    }
}
