package net.delonet.bloodbank.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import net.delonet.bloodbank.envelope.EnvelopeJson;

/** A request body that must be a JSON object; an empty body is an empty object. Anything else is a 400. */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode read(byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? EnvelopeJson.mapper().createObjectNode() : EnvelopeJson.mapper().readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "Body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest(null, "Body must be a JSON object");
        }
        return json;
    }
}
