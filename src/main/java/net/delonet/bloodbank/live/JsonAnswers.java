package net.delonet.bloodbank.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;

/** Refusals from the Vert.x handlers in the same shape as the API's: {@code {"error", "field", "status"}}. */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    public static void error(HttpServerResponse response, int status, String field, String message) {
        if (response.headWritten()) {
            response.end();
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        body.put("status", status);
        response.setChunked(false).setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
