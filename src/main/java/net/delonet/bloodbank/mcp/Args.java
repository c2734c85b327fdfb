package net.delonet.bloodbank.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** A tool call's arguments, read with the field name in every refusal. */
final class Args {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values;

    Args(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String text(String name) {
        Object value = values.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ToolResults.BadArgument(name, name + " is required (a string)");
        }
        return text;
    }

    String text(String name, String fallback) {
        return values.get(name) == null ? fallback : text(name);
    }

    int number(String name, int fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)) {
            throw new ToolResults.BadArgument(name, name + " must be an integer");
        }
        return number.intValue();
    }

    JsonNode json(String name) {
        return JSON.valueToTree(values.get(name));
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new ToolResults.BadArgument(name, name + " must be an array of strings");
        }
        return (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value != null && !(value instanceof Map)) {
            throw new ToolResults.BadArgument(name, name + " must be an object");
        }
        return (Map<String, Object>) value;
    }
}
