package net.delonet.bloodbank.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection-level limits of the HTTP server: an idle timeout, a cap on open connections, and half-closed
 * connections kept open so that a request followed by a half-close is still answered; a request HTTP cannot parse is
 * answered with the API's JSON error. Camel Main's HTTP server
 * takes no options beyond SSL, so it is given a Vert.x instance ({@link #vertx}) that applies them to the servers
 * it creates. {@link #unbound} tells a server that failed to listen (Camel only logs that).
 */
public final class HttpServerLimits {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerLimits.class);

    private final Handler<HttpServerRequest> malformed;
    private final Consumer<Router> serving;
    private final int idleTimeoutSeconds;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean overCap;
    private volatile boolean unbound;

    public HttpServerLimits(Handler<HttpServerRequest> malformed, Consumer<Router> serving, int idleTimeoutSeconds,
            int maxConnections) {
        this.malformed = malformed;
        this.serving = serving;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.maxConnections = maxConnections;
    }

    /** {@code vertx}, but every HTTP server it creates has these limits. */
    public Vertx vertx(Vertx vertx) {
        return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] {Vertx.class},
                (proxy, method, args) -> method.getName().equals("createHttpServer")
                        ? limited(vertx, args == null ? new HttpServerOptions() : (HttpServerOptions) args[0])
                        : invoke(vertx, method, args));
    }

    /** True when a server failed to listen (its port was taken). */
    public boolean unbound() {
        return unbound;
    }

    private HttpServer limited(Vertx vertx, HttpServerOptions options) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions(options)
                .setIdleTimeout(idleTimeoutSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS)
                // No HTTP/2 upgrade sniffing: it delays a connection's set-up (and its counting) to its first bytes.
                .setHttp2ClearTextEnabled(false));
        server.connectionHandler(this::opened).invalidRequestHandler(malformed);
        // The router a server serves is Camel's top router (the routes sit on a sub-router below it): handed to
        // serving, for what only the top router sees (requests no route matched).
        return (HttpServer) Proxy.newProxyInstance(HttpServer.class.getClassLoader(), new Class<?>[] {HttpServer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("requestHandler") && args != null && args[0] instanceof Router router) {
                        serving.accept(router);
                    }
                    if (method.getName().equals("listen") && args != null && args[args.length - 1] instanceof Handler<?> done) {
                        args[args.length - 1] = listened(done);
                    }
                    Object result = invoke(server, method, args);
                    return result == server ? proxy : result; // fluent calls stay on the proxy (listen after requestHandler)
                });
    }

    /** Remembers a failed listen; Camel's handler logs it and throws, which Vert.x would log again with a stack trace. */
    @SuppressWarnings("unchecked")
    private Handler<AsyncResult<HttpServer>> listened(Handler<?> done) {
        return result -> {
            try {
                ((Handler<AsyncResult<HttpServer>>) done).handle(result);
            } catch (RuntimeException e) {
                if (result.succeeded()) {
                    throw e;
                }
            }
            if (result.failed()) {
                unbound = true;
            }
        };
    }

    private void opened(HttpConnection connection) {
        Channel channel = ((ConnectionBase) connection).channel();
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        if (open.incrementAndGet() > maxConnections) {
            if (!overCap) {
                overCap = true;
                LOG.warn("Closing new HTTP connections: {} are open (bloodbank.http.max-connections)", maxConnections);
            }
            // The channel, not the connection: Vert.x would first serve a request already received.
            channel.close();
            return;
        }
        overCap = false;
        // Netty closes a connection whose client half-closed; the request it sent is still to be answered (HalfClose).
        channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        if (channel.pipeline().get("handler") != null) {
            channel.pipeline().addBefore("handler", "half-close", new HalfClose());
            channel.pipeline().addBefore("handler", "malformed-body", new MalformedBody());
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
