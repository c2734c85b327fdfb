package net.delonet.bloodbank.routing;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.kamelet.KameletEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.RouteRemovedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode: a route that starts with {@code from: kamelet:...} (a webhook on bloodbank-webhook-source) runs the Kamelet
 * as a route of its own, which Camel's reload does not remove with it. Reloaded, the edited route would start a second
 * Kamelet route on the same HTTP path ("Multiple consumers for the same endpoint") while the old one kept the path and
 * fed a consumer that was gone. So when such a route is removed, its Kamelet route and endpoint go with it, and the
 * new version starts its own.
 */
public final class KameletReload extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(KameletReload.class);

    public KameletReload() {
        setIgnoreCamelContextEvents(true);
        setIgnoreExchangeEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof RouteRemovedEvent;
    }

    @Override
    public void notify(CamelEvent event) throws Exception {
        Route removed = ((RouteRemovedEvent) event).getRoute();
        CamelContext context = removed.getCamelContext();
        if (!context.isStarted() || !(removed.getEndpoint() instanceof KameletEndpoint kamelet)) {
            return;
        }
        String kameletRoute = kamelet.getRouteId();
        if (context.getRoute(kameletRoute) != null) {
            context.getRouteController().stopRoute(kameletRoute);
            context.removeRoute(kameletRoute);
            LOG.info("Route {} removed: its Kamelet route {} too", removed.getRouteId(), kameletRoute);
        }
        context.removeEndpoint(kamelet);
    }
}
