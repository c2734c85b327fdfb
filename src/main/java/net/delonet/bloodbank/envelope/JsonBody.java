package net.delonet.bloodbank.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import net.delonet.bloodbank.refusal.ApiException;

/**
 * Request bodies read as JSON, strictly (DESIGN.md, "HTTP API"): strict UTF-8 and exactly one document with nothing
 * but whitespace after it, else 400; a number JSON cannot carry (1e400, NaN, Infinity) is a 422 naming its field.
 */
public final class JsonBody {

    // Non-numbers are read so that they can be refused naming their field, not as a parse error that names none.
    private static final ObjectReader STRICT = EnvelopeJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

    private JsonBody() {
    }

    /** A body that must be a JSON object; an empty body is an empty object. */
    public static JsonNode read(byte[] body) {
        JsonNode json = parse(body);
        if (json == null) {
            return EnvelopeJson.mapper().createObjectNode();
        }
        if (!json.isObject()) {
            throw ApiException.badRequest("body", "Body must be a JSON object");
        }
        requireFinite(json, "");
        return json;
    }

    /** The one JSON document of {@code body}; null for an empty body. Numbers are checked by {@link #requireFinite}. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        requireUtf8(body);
        try {
            JsonNode json = STRICT.readTree(body);
            return json == null || json.isMissingNode() ? null : json;
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage();
            throw ApiException.badRequest("body", problem.startsWith("Trailing token")
                    ? "Body must be one JSON document with nothing after it but whitespace"
                    : "Body is not valid JSON: " + problem);
        } catch (IOException e) {
            throw ApiException.badRequest("body", "Body could not be read: " + e.getMessage());
        }
    }

    /** 422 naming the first number in {@code json} that JSON cannot carry; {@code path} is where {@code json} sits. */
    public static void requireFinite(JsonNode json, String path) {
        if (json.isDouble() || json.isFloat()) {
            if (!Double.isFinite(json.doubleValue())) {
                String field = path.isEmpty() ? "body" : path;
                throw ApiException.invalid(field, field + " must be a finite number (" + json.asText()
                        + " cannot be carried in JSON)");
            }
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                requireFinite(json.get(i), path + "[" + i + "]");
            }
        } else if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                requireFinite(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        }
    }

    /** Jackson decodes UTF-8 leniently (overlong forms, encoded surrogates); the JDK's decoder does not. */
    private static void requireUtf8(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                ByteBuffer in = ByteBuffer.wrap(body);
                if (decoder.decode(in, CharBuffer.allocate(body.length), true).isError()) {
                    throw ApiException.badRequest("body", "Body is not valid UTF-8 (at byte " + in.position() + ")");
                }
                return;
            }
        }
    }
}
