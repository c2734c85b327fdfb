package net.delonet.bloodbank.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;

/**
 * Serves an HTTP path by running a Camel route asynchronously on the Vert.x event loop. platform-http runs
 * every request's route on a Vert.x worker that waits for it; the publish routes spend most of a request waiting
 * for Redis and the broker's confirm, so they are served here instead and hold no thread while they wait.
 * The route sees what a platform-http route sees: the body as bytes, path and query parameters and request
 * headers as headers; it answers with {@code CamelHttpResponseCode}, {@code Content-Type} and the body.
 */
public final class AsyncRouteHandler implements Handler<RoutingContext> {

    /** Exchange property (true) telling the route's asynchronous steps that no caller waits on a thread for them. */
    public static final String ASYNCHRONOUS = "bloodbank.asynchronous";

    private final AsyncProducer route;

    public AsyncRouteHandler(CamelContext context, String endpointUri) throws Exception {
        this.route = context.getEndpoint(endpointUri).createAsyncProducer();
        route.start();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Exchange exchange = route.getEndpoint().createExchange(ExchangePattern.InOut);
        Message in = exchange.getIn();
        HttpServerRequest request = ctx.request();
        request.headers().forEach(header -> addHeader(in, header.getKey(), header.getValue()));
        ctx.queryParams().forEach(param -> addHeader(in, param.getKey(), param.getValue()));
        ctx.pathParams().forEach(in::setHeader);
        in.setHeader(Exchange.HTTP_METHOD, request.method().name());
        in.setHeader(Exchange.HTTP_URI, request.uri());
        in.setHeader(Exchange.HTTP_PATH, ctx.normalizedPath());
        Buffer body = ctx.body().buffer();
        in.setBody(body == null ? new byte[0] : body.getBytes());
        exchange.setProperty(ASYNCHRONOUS, true);
        // The route finishes on whichever thread completed its last step (Redis, AMQP). The response may be written
        // from there (Vert.x hands the write to the connection's event loop); a failure goes through the router's
        // failure handlers, which run on the request's own context.
        Context requestContext = Vertx.currentContext();
        route.process(exchange, doneSync -> {
            if (exchange.getException() == null) {
                answer(ctx.response(), exchange);
            } else if (doneSync || requestContext == null) {
                fail(ctx, exchange.getException());
            } else {
                requestContext.runOnContext(v -> fail(ctx, exchange.getException()));
            }
        });
    }

    private static void addHeader(Message in, String name, String value) {
        Object existing = in.getHeader(name);
        if (existing == null) {
            in.setHeader(name, value);
        } else if (existing instanceof List<?> values) {
            @SuppressWarnings("unchecked") List<Object> more = (List<Object>) values;
            more.add(value);
        } else {
            in.setHeader(name, new ArrayList<>(List.of(existing, value)));
        }
    }

    /**
     * The routes answer their own errors (route configuration api-errors): what comes here is a route that is not
     * running (stopped from the console or JMX: 503) or a failure in that answer (500).
     */
    private static void fail(RoutingContext ctx, Exception failure) {
        ctx.fail(failure instanceof DirectConsumerNotAvailableException ? 503 : 500, failure);
    }

    private static void answer(HttpServerResponse response, Exchange exchange) {
        Message out = exchange.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String type = out.getHeader(Exchange.CONTENT_TYPE, String.class);
        byte[] body = out.getBody(byte[].class);
        response.setStatusCode(status == null ? (body == null ? 204 : 200) : status);
        if (type != null) {
            response.putHeader("Content-Type", type);
        }
        response.end(body == null ? Buffer.buffer() : Buffer.buffer(body));
    }
}
