package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;

/**
 * Reads answers of endpoints other modules own (DLQ, replay, search) without pinning every field name: the list is
 * the answer itself or its first array, a value the first of a few likely names. {@code --json} shows all.
 */
final class Answers {

    private Answers() {
    }

    static JsonNode list(JsonNode answer) {
        if (answer.isArray()) {
            return answer;
        }
        for (Iterator<JsonNode> values = answer.elements(); values.hasNext(); ) {
            JsonNode value = values.next();
            if (value.isArray()) {
                return value;
            }
        }
        return MissingNode.getInstance();
    }

    static String text(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.path(name);
            if (!value.isMissingNode() && !value.isNull()) {
                return value.isValueNode() ? value.asText() : value.toString();
            }
        }
        return "-";
    }

    static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
