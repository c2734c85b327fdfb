package net.delonet.bloodbank.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import reactor.core.publisher.Mono;

/** One MCP stream as server-sent events on a Vert.x response: a request's answer, or a session's listening stream. */
final class SseSessionTransport implements McpStreamableServerTransport {

    private final HttpServerResponse response;
    private final String sessionId;
    private final McpJsonMapper json;
    private volatile boolean closed;

    private SseSessionTransport(HttpServerResponse response, String sessionId, McpJsonMapper json) {
        this.response = response;
        this.sessionId = sessionId;
        this.json = json;
    }

    static SseSessionTransport open(HttpServerResponse response, String sessionId, McpJsonMapper json) {
        response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
        return new SseSessionTransport(response, sessionId, json);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.fromCallable(() -> json.writeValueAsString(message)).flatMap(text -> {
            synchronized (this) {
                if (closed || response.closed()) {
                    return Mono.empty();
                }
                String id = messageId != null ? messageId : sessionId;
                return Mono.fromCompletionStage(response.write("id: " + id + "\nevent: message\ndata: " + text + "\n\n")
                        .toCompletionStage());
            }
        }).onErrorMap(IOException.class, e -> new IllegalStateException("Unwritable MCP message", e));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        }
    }
}
