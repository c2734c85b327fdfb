package net.delonet.bloodbank.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** Declares a consumer from the template, as a templatedRoute in YAML would, with a handler bean of the test's. */
public final class Consumers {

    private Consumers() {
    }

    /** Quick retries (100 ms → 200 ms → 400 ms, capped at 400 ms) unless {@code parameters} say otherwise. */
    public static String add(RunningBloodbank app, String name, String patterns, RecordingHandler handler,
            Map<String, String> parameters) {
        CamelContext context = app.context();
        context.getRegistry().bind("handler-" + name, handler);
        Map<String, String> all = new LinkedHashMap<>(Map.of("initialDelayMs", "100", "maxDelayMs", "400"));
        all.putAll(parameters);
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(context, "bloodbank-consumer")
                .routeId("consumer-" + name)
                .parameter("name", name).parameter("patterns", patterns).parameter("handler", "bean:handler-" + name);
        all.forEach(route::parameter);
        return route.add();
    }

    public static String add(RunningBloodbank app, String name, String patterns, RecordingHandler handler) {
        return add(app, name, patterns, handler, Map.of());
    }
}
