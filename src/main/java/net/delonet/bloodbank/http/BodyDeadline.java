package net.delonet.bloodbank.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import net.delonet.bloodbank.refusal.ApiException;

/**
 * A request's body must arrive within a deadline, else 408 and the connection is closed: a client trickling a few
 * bytes a second is never idle, and would hold its connection for as long as it likes.
 */
public final class BodyDeadline implements Handler<RoutingContext> {

    private final long timeoutMs;
    private final ErrorAnswer errors;

    public BodyDeadline(long timeoutMs, ErrorAnswer errors) {
        this.timeoutMs = timeoutMs;
        this.errors = errors;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            long timer = ctx.vertx().setTimer(timeoutMs, id -> {
                if (!request.isEnded()) {
                    errors.answer(ctx, new ApiException(408, "body", "The request body did not arrive within " + timeoutMs
                            + " ms (bloodbank.http.body-timeout-ms)")).onComplete(done -> request.connection().close());
                }
            });
            ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        }
        ctx.next();
    }
}
