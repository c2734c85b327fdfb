package net.delonet.bloodbank.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.function.Supplier;
import net.delonet.bloodbank.client.ServiceError;
import net.delonet.bloodbank.client.ServiceUnreachable;

/**
 * What a tool answers: the service's JSON as text and structured content, or a tool error ({@code isError}) that
 * names the field at fault, so the agent can correct its call instead of seeing a protocol failure.
 */
final class ToolResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolResults() {
    }

    static CallToolResult of(Supplier<JsonNode> call) {
        try {
            return ok(call.get());
        } catch (ServiceError e) {
            return error(e.status(), e.field(), e.describe());
        } catch (ServiceUnreachable e) {
            return error(503, null, e.getMessage());
        } catch (BadArgument e) {
            return error(400, e.field, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static CallToolResult ok(JsonNode answer) {
        CallToolResult.Builder result = CallToolResult.builder().addTextContent(answer.toString()).isError(false);
        if (answer.isObject()) {
            result.structuredContent(JSON.convertValue(answer, Map.class));
        }
        return result.build();
    }

    @SuppressWarnings("unchecked")
    private static CallToolResult error(int status, String field, String message) {
        ObjectNode detail = JSON.createObjectNode().put("error", message).put("status", status);
        if (field != null) {
            detail.put("field", field);
        }
        String text = field == null || message.contains(field) ? message : field + ": " + message;
        return CallToolResult.builder().addTextContent(text).structuredContent(JSON.convertValue(detail, Map.class))
                .isError(true).build();
    }

    /** A tool argument is missing or unusable before anything was sent to the service. */
    static final class BadArgument extends RuntimeException {
        private final String field;

        BadArgument(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
