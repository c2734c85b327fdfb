package net.delonet.bloodbank.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.ops.BusMetrics;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.refusal.OutcomeUnknownException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the exception a route caught into the HTTP answer {@code {"error", "field", "status"}}.
 * Client errors are expected and logged without a stack trace; anything else is a 500 and is logged whole.
 */
public final class ErrorAnswer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswer.class);

    private final BusMetrics metrics;

    public ErrorAnswer(BusMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Refusal refusal = refusal(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                exchange.getIn().getHeader(Exchange.HTTP_URI, String.class));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, refusal.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(refusal.body());
    }

    /**
     * Vert.x failure and error handler: a request refused before its route ran (body over the limit: 413; route not
     * running: 503; no route: 404/405), or a failed answer (500).
     */
    public void refuse(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        answer(ctx, switch (status) {
            case 413 -> new ApiException(413, "body", "Body is larger than the server accepts (camel.server.max-body-size)");
            // Vert.x fails a path with a bad percent-escape while routing, before any guard could refuse it
            case 500 -> RequestRules.wellEncoded(ctx.request().path()) ? ctx.failure()
                    : ApiException.badRequest("path", "The path must be valid percent-encoding without control characters");
            case 503 -> new ApiException(503, "path", "The route serving " + ctx.normalizedPath() + " is not running");
            default -> new ApiException(status, switch (status) {
                case 404 -> "path";
                case 405 -> "method";
                case 406 -> "Accept";
                default -> "request";
            }, HttpResponseStatus.valueOf(status).reasonPhrase() + ": " + ctx.request().method() + " " + ctx.normalizedPath());
        });
    }

    /** Answers {@code why} on the Vert.x side, before or instead of a route; completes when the answer is written. */
    public Future<Void> answer(RoutingContext ctx, Throwable why) {
        Refusal refusal = refusal(why, ctx.request().uri());
        if (ctx.response().headWritten()) {
            return Future.succeededFuture();
        }
        return ctx.response().setStatusCode(refusal.status()).putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(refusal.body()));
    }

    /** Vert.x invalid-request handler: a request line or headers HTTP cannot parse; answered, then the connection closed. */
    public void refuseMalformed(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        Refusal refusal = refusal(new ApiException(status, "request", "The request is not well-formed HTTP/1.1"
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage())), request.uri());
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(Buffer.buffer(refusal.body())).onComplete(done -> request.connection().close());
    }

    private record Refusal(int status, byte[] body) {
    }

    /** The answer to {@code caught}, logged and counted; anything but an {@link ApiException} is a 500. */
    private Refusal refusal(Throwable caught, String uri) {
        int status;
        ObjectNode body = EnvelopeJson.mapper().createObjectNode();
        if (caught instanceof ApiException api) {
            status = api.status();
            body.put("error", api.getMessage());
            if (api.field() != null) {
                body.put("field", api.field());
            }
            if (api instanceof OutcomeUnknownException unknown) {
                body.put("event_id", unknown.eventId()); // what to retry with, when the server chose the id
            }
            if (status >= 500) {
                LOG.warn("{} {}: {}", status, uri, api.getMessage());
            }
        } else {
            status = 500;
            body.put("error", "Internal error");
            LOG.error("Unexpected failure on {}", uri, caught);
        }
        body.put("status", status);
        metrics.refused(status);
        try {
            return new Refusal(status, EnvelopeJson.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error answer could not be written", e);
        }
    }
}
