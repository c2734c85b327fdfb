package net.delonet.bloodbank.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import net.delonet.bloodbank.events.Shapes;
import net.delonet.bloodbank.refusal.ApiException;

/** Checks a payload of a type with several {@link Shapes} against them: it must be complete in at least one. */
final class PayloadShapes {

    private PayloadShapes() {
    }

    static void check(JsonNode node, Class<?> type, String prefix) {
        Shapes shapes = type.getAnnotation(Shapes.class);
        if (shapes == null) {
            return;
        }
        List<Shapes.Shape> all = Arrays.asList(shapes.value());
        if (all.stream().anyMatch(shape -> missing(node, shape).isEmpty())) {
            return;
        }
        // the shape the payload has most fields of names the field it lacks (a tie: the first shape)
        Shapes.Shape closest = all.stream().max(Comparator.comparingInt(
                shape -> shape.required().length - missing(node, shape).size())).orElseThrow();
        String field = prefix + "." + missing(node, closest).get(0);
        String alternatives = all.stream().map(shape -> words(shape.required())).collect(Collectors.joining(", or "));
        throw ApiException.invalid(field, field + " is required (give " + alternatives + ")");
    }

    private static List<String> missing(JsonNode node, Shapes.Shape shape) {
        return Arrays.stream(shape.required()).filter(field -> {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || value.isTextual() && value.asText().isBlank();
        }).toList();
    }

    private static String words(String[] fields) {
        return fields.length == 1 ? fields[0]
                : String.join(", ", Arrays.copyOf(fields, fields.length - 1)) + " and " + fields[fields.length - 1];
    }
}
