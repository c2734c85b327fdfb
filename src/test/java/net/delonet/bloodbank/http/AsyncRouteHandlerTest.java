package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.junit.jupiter.api.Test;

/**
 * Unexpected failures behind an {@link AsyncRouteHandler} are JSON 500s: one a route's api-errors configuration
 * answered, and one that escaped the route (a route without error handling), answered by the router's failure handler.
 */
@BloodbankTest
class AsyncRouteHandlerTest {

    private final String ns = "h" + UUID.randomUUID().toString().substring(0, 8);
    private RunningBloodbank bloodbank;

    /** Serves POST /{name} with a route that always fails, with or without the api-errors route configuration. */
    private String failingPath(String name, String routeConfiguration) throws Exception {
        CamelContext context = bloodbank.context();
        String endpoint = "direct:" + ns + "-" + name;
        // A lambda, not a RouteBuilder subclass: Camel Main's package scan would pick that up in every test.
        RouteBuilder.addRoutes(context, routes -> routes.from(endpoint).routeConfigurationId(routeConfiguration)
                .throwException(new IllegalStateException("the route failed")));
        AsyncRouteHandler handler = new AsyncRouteHandler(context, endpoint + "?block=false");
        ErrorAnswer errors = context.getRegistry().lookupByNameAndType("errorAnswer", ErrorAnswer.class);
        VertxPlatformHttpRouter router = PlatformRouter.of(context);
        String path = "/" + ns + "-" + name;
        router.post(path).handler(router.bodyHandler()).handler(handler).failureHandler(errors::refuse);
        return path;
    }

    @Test
    void should_answer_500_when_the_routes_error_handling_caught_an_unexpected_failure() throws Exception {
        assertInternalError(bloodbank.http().post(failingPath("answered", "api-errors"), "{}"));
    }

    @Test
    void should_answer_500_when_an_unexpected_failure_escaped_the_route() throws Exception {
        assertInternalError(bloodbank.http().post(failingPath("escaped", "caller-handles-errors"), "{}"));
    }

    private static void assertInternalError(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(500);
        assertThat(answer.json().get("status").asInt()).isEqualTo(500);
        assertThat(answer.json().get("error").asText()).isEqualTo("Internal error");
        assertThat(answer.body()).doesNotContain("the route failed");
    }
}
