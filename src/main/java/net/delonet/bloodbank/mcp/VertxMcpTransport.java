package net.delonet.bloodbank.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.envelope.JsonBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The MCP Streamable HTTP transport on the service's own Vert.x router (the SDK ships only a servlet one, and the
 * service runs no servlet container). POST carries client messages (a request's answer streams back as SSE), GET
 * opens the session's listening stream, DELETE ends the session. Sessions live in memory, keyed by {@code mcp-session-id}.
 */
public final class VertxMcpTransport implements McpStreamableServerTransportProvider {

    private final McpJsonMapper json;
    private final Map<String, McpStreamableServerSession> sessions = new ConcurrentHashMap<>();
    private McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    public VertxMcpTransport(McpJsonMapper json) {
        this.json = json;
    }

    public void mount(Router router, String path, long maxBodyBytes) {
        router.post(path).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::post);
        router.get(path).handler(this::listen);
        router.delete(path).handler(this::delete);
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18,
                ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.values())
                .flatMap(session -> session.sendNotification(method, params).onErrorResume(e -> Mono.empty())).then();
    }

    @Override
    public Mono<Void> closeGracefully() {
        closing = true;
        return Flux.fromIterable(sessions.values())
                .flatMap(session -> session.closeGracefully().onErrorResume(e -> Mono.empty()))
                .then(Mono.fromRunnable(sessions::clear));
    }

    private void post(RoutingContext ctx) {
        McpSchema.JSONRPCMessage message;
        try {
            // The API's strict reading first (one document, strict UTF-8): the SDK's own is lenient
            JsonBody.parse(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
            message = McpSchema.deserializeJsonRpcMessage(json, ctx.body().asString());
        } catch (ApiException e) {
            refuse(ctx.response(), 400, McpSchema.ErrorCodes.PARSE_ERROR, e.getMessage());
            return;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            refuse(ctx.response(), 400, McpSchema.ErrorCodes.PARSE_ERROR, "Not a JSON-RPC message");
            return;
        }
        McpTransportContext context = context(ctx);
        if (message instanceof McpSchema.JSONRPCRequest request && request.method().equals(McpSchema.METHOD_INITIALIZE)) {
            initialize(ctx.response(), request, context);
            return;
        }
        McpStreamableServerSession session = session(ctx);
        if (session == null) {
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest request) {
            SseSessionTransport transport = SseSessionTransport.open(ctx.response(), session.getId(), json);
            session.responseStream(request, transport).contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .subscribe(null, e -> transport.close());
            return;
        }
        Mono<Void> accepted = message instanceof McpSchema.JSONRPCResponse response ? session.accept(response)
                : session.accept((McpSchema.JSONRPCNotification) message);
        accepted.contextWrite(c -> c.put(McpTransportContext.KEY, context)).subscribe(null,
                e -> refuse(ctx.response(), 500, McpSchema.ErrorCodes.INTERNAL_ERROR, e.getMessage()),
                () -> ctx.response().setStatusCode(202).end());
    }

    private void initialize(HttpServerResponse response, McpSchema.JSONRPCRequest request, McpTransportContext context) {
        if (closing) {
            refuse(response, 503, McpSchema.ErrorCodes.INTERNAL_ERROR, "The server is shutting down");
            return;
        }
        McpSchema.InitializeRequest params = json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {
        });
        McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(params);
        sessions.put(init.session().getId(), init.session());
        init.initResult().contextWrite(c -> c.put(McpTransportContext.KEY, context)).subscribe(result -> {
            try {
                response.putHeader("Content-Type", "application/json").putHeader(HttpHeaders.MCP_SESSION_ID, init.session().getId())
                        .end(json.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null)));
            } catch (IOException e) {
                refuse(response, 500, McpSchema.ErrorCodes.INTERNAL_ERROR, e.getMessage());
            }
        }, e -> refuse(response, 500, McpSchema.ErrorCodes.INTERNAL_ERROR, "Initialization failed: " + e.getMessage()));
    }

    private void listen(RoutingContext ctx) {
        McpStreamableServerSession session = session(ctx);
        if (session == null) {
            return;
        }
        SseSessionTransport transport = SseSessionTransport.open(ctx.response(), session.getId(), json);
        McpStreamableServerSession.McpStreamableServerSessionStream stream = session.listeningStream(transport);
        ctx.response().closeHandler(closed -> stream.close());
    }

    private void delete(RoutingContext ctx) {
        McpStreamableServerSession session = session(ctx);
        if (session != null) {
            session.delete().subscribe(null, e -> refuse(ctx.response(), 500, McpSchema.ErrorCodes.INTERNAL_ERROR, e.getMessage()),
                    () -> {
                        sessions.remove(session.getId());
                        ctx.response().setStatusCode(200).end();
                    });
        }
    }

    /** The request's session; null after answering 400 (no session id) or 404 (unknown or ended session). */
    private McpStreamableServerSession session(RoutingContext ctx) {
        String id = ctx.request().getHeader(HttpHeaders.MCP_SESSION_ID);
        if (id == null || id.isBlank()) {
            refuse(ctx.response(), 400, McpSchema.ErrorCodes.INVALID_REQUEST, "Session ID required in mcp-session-id header");
            return null;
        }
        McpStreamableServerSession session = sessions.get(id);
        if (session == null) {
            refuse(ctx.response(), 404, McpSchema.ErrorCodes.INVALID_REQUEST, "Session not found: " + id);
        }
        return session;
    }

    /** What tools may need from the HTTP request: the caller's Authorization header, passed on to the API. */
    private static McpTransportContext context(RoutingContext ctx) {
        Map<String, Object> values = new HashMap<>();
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null) {
            values.put("authorization", authorization);
        }
        return McpTransportContext.create(values);
    }

    /** A JSON-RPC error without an id (the SDK's records insist on one): the request never reached a session. */
    private static void refuse(HttpServerResponse response, int status, int code, String message) {
        if (response.ended() || response.closed()) {
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.putObject("error").put("code", code).put("message", message);
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
