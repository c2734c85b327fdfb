package net.delonet.bloodbank.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.events.Shapes;

/** JSON Schema (draft 2020-12) of a payload record, derived from its components and constraints. */
public final class JsonSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Reads documented defaults and writes enum constants as their JSON values. */
    private static final ObjectMapper WIRE = new ObjectMapper();
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private JsonSchemas() {
    }

    public static ObjectNode of(Class<? extends Record> record) {
        ObjectNode schema = objectSchema(record);
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return schema;
    }

    private static ObjectNode objectSchema(Class<?> record) {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("title", record.getSimpleName());
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = SNAKE_CASE.translate(component.getName());
            ObjectNode property = typeSchema(component.getGenericType());
            // Bean Validation annotations do not target record components: Java hands them to the accessor.
            Method accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(NotBlank.class)) {
                property.put("minLength", 1);
            }
            if (accessor.isAnnotationPresent(Positive.class)) {
                property.put("exclusiveMinimum", 0);
            }
            if (accessor.isAnnotationPresent(PositiveOrZero.class)) {
                property.put("minimum", 0);
            }
            if (accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)) {
                required.add(name);
            }
            JsonProperty documented = accessor.getAnnotation(JsonProperty.class);
            if (documented != null && !documented.defaultValue().isEmpty()) {
                property.set("default", defaultValue(documented.defaultValue()));
            }
            properties.set(name, property);
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        Shapes shapes = record.getAnnotation(Shapes.class);
        if (shapes != null) {
            ArrayNode anyOf = schema.putArray("anyOf");
            for (Shapes.Shape shape : shapes.value()) {
                ObjectNode one = anyOf.addObject().put("title", shape.title());
                ArrayNode fields = one.putArray("required");
                Arrays.stream(shape.required()).forEach(fields::add);
            }
        }
        return schema;
    }

    /** A record that may also be written as a string (a delegating {@code @JsonCreator} taking one). */
    private static ObjectNode stringOrObject(Class<?> record) {
        ObjectNode schema = objectSchema(record);
        boolean fromString = Arrays.stream(record.getDeclaredMethods()).anyMatch(m -> Modifier.isStatic(m.getModifiers())
                && m.isAnnotationPresent(JsonCreator.class) && m.getAnnotation(JsonCreator.class).mode() == JsonCreator.Mode.DELEGATING
                && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class}));
        if (!fromString) {
            return schema;
        }
        ObjectNode either = JSON.objectNode();
        either.putArray("anyOf").add(JSON.objectNode().put("type", "string")).add(schema);
        return either;
    }

    private static JsonNode defaultValue(String written) {
        try {
            return WIRE.readTree(written);
        } catch (JsonProcessingException notJson) {
            return JSON.textNode(written);
        }
    }

    private static ObjectNode typeSchema(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return JSON.objectNode().put("type", "array").set("items", typeSchema(generic.getActualTypeArguments()[0]));
            }
            return JSON.objectNode().put("type", "object");
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (cls == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (cls == OffsetDateTime.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time")
                    .put("description", "ISO-8601; a time without an offset is read as UTC");
        }
        if (cls.isEnum()) {
            ArrayNode values = JSON.arrayNode();
            Arrays.stream(cls.getEnumConstants()).forEach(value -> values.add(WIRE.convertValue(value, String.class)));
            return JSON.objectNode().put("type", "string").set("enum", values);
        }
        if (cls == Integer.class || cls == Long.class || cls == int.class || cls == long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (Number.class.isAssignableFrom(cls) || cls == double.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (cls == Boolean.class || cls == boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (cls.isRecord()) {
            return stringOrObject(cls);
        }
        if (Map.class.isAssignableFrom(cls) || cls == JsonNode.class || cls == Object.class) {
            return JSON.objectNode().put("type", "object");
        }
        throw new IllegalArgumentException("No JSON Schema mapping for " + cls);
    }
}
