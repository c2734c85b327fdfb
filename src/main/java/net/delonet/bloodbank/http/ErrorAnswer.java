package net.delonet.bloodbank.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.RoutingContext;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.ops.BusMetrics;
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
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        ObjectNode body = EnvelopeJson.mapper().createObjectNode();
        if (caught instanceof ApiException api) {
            status = api.status();
            body.put("error", api.getMessage());
            if (api.field() != null) {
                body.put("field", api.field());
            }
            if (status >= 500) {
                LOG.warn("{} {}: {}", status, exchange.getIn().getHeader(Exchange.HTTP_URI), api.getMessage());
            }
        } else {
            status = 500;
            body.put("error", "Internal error");
            LOG.error("Unexpected failure on {}", exchange.getIn().getHeader(Exchange.HTTP_URI), caught);
        }
        body.put("status", status);
        metrics.refused(status);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(EnvelopeJson.mapper().writeValueAsBytes(body));
    }

    /**
     * Vert.x failure handler: a request refused before its route ran (body over the limit: 413; route not running:
     * 503), or a failed answer (500).
     */
    public void refuse(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = switch (status) {
            case 413 -> "Body is larger than the server accepts (camel.server.max-body-size)";
            case 500 -> "Internal error";
            case 503 -> "The route serving " + ctx.normalizedPath() + " is not running";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
        if (status == 500) {
            LOG.error("Unexpected failure on {}", ctx.request().uri(), ctx.failure());
        } else if (status == 503) {
            LOG.warn("503 {}: {}", ctx.request().uri(), message);
        }
        metrics.refused(status);
        ObjectNode body = EnvelopeJson.mapper().createObjectNode().put("error", message);
        body.put("status", status);
        if (!ctx.response().headWritten()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
        }
    }
}
