package net.delonet.bloodbank.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.registry.EventType;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Reads a publish request into a complete {@link EventEnvelope}: checks it against the envelope contract and the
 * payload type registered for its event type, and fills what the client left out. Pure: no I/O.
 * Malformed requests are refused with 400, contract violations with 422 naming the field.
 */
public final class EnvelopeReader {

    private static final ObjectMapper JSON = EnvelopeJson.mapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final EventTypeRegistry registry;
    private final boolean strictTypes;
    private final Source defaultSource;

    public EnvelopeReader(EventTypeRegistry registry, boolean strictTypes, Source defaultSource) {
        this.registry = registry;
        this.strictTypes = strictTypes;
        this.defaultSource = defaultSource;
    }

    public EventEnvelope read(byte[] body) {
        return read(JsonBody.parse(body));
    }

    public EventEnvelope read(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw ApiException.badRequest("body", "Body must be a JSON object (an event envelope)");
        }
        String eventType = eventType(request.get("event_type"));
        // Jackson would write a non-finite number as the string "Infinity", not what the client meant
        JsonBody.requireFinite(request, "");
        EventType registered = registry.find(eventType).orElse(null);
        if (registered == null && strictTypes) {
            throw ApiException.badRequest("event_type", "Unknown event type '" + eventType + "' (strict types are on)");
        }
        EventEnvelope event = new EventEnvelope(
                eventId(request, eventType),
                eventType,
                timestamp(request.get("timestamp")),
                EventEnvelope.VERSION,
                request.hasNonNull("source") ? typed(request.get("source"), Source.class, "source") : defaultSource,
                parents(request),
                request.hasNonNull("agent_context") ? typed(request.get("agent_context"), AgentContext.class, "agent_context") : null,
                payload(request.get("payload"), registered));
        ShortStrings.check(event);
        return event;
    }

    private static String eventType(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("event_type", "event_type is required");
        }
        if (!node.isTextual() || !EventTypeRegistry.EVENT_TYPE.matcher(node.asText()).matches()) {
            throw ApiException.badRequest("event_type",
                    "event_type must look like namespace.entity.action: lowercase [a-z0-9_-] segments, at least two, no wildcards");
        }
        return node.asText();
    }

    private static UUID eventId(JsonNode request, String eventType) {
        JsonNode given = request.get("event_id");
        JsonNode key = request.get("idempotency_key");
        boolean hasKey = key != null && !key.isNull();
        if (given != null && !given.isNull()) {
            if (hasKey) {
                throw ApiException.invalid("event_id", "Give event_id or idempotency_key, not both");
            }
            return uuid(given, "event_id");
        }
        return hasKey ? EventIds.deterministic(eventType, keyPairs(key)) : UUID.randomUUID();
    }

    private static Map<String, Object> keyPairs(JsonNode key) {
        if (!key.isObject()) {
            throw ApiException.invalid("idempotency_key", "idempotency_key must be an object of key/value pairs");
        }
        Map<String, Object> pairs = new LinkedHashMap<>();
        key.fields().forEachRemaining(field -> {
            JsonNode v = field.getValue();
            if (v.isTextual() || v.isBoolean() || v.isNull() || v.isIntegralNumber()) {
                pairs.put(field.getKey(), v.isNull() ? null : v.isTextual() ? v.asText() : v.isBoolean() ? v.asBoolean() : v.bigIntegerValue());
            } else {
                throw ApiException.invalid("idempotency_key." + field.getKey(), "must be a string, an integer, a boolean or null");
            }
        });
        return pairs;
    }

    private static OffsetDateTime timestamp(JsonNode node) {
        if (node == null || node.isNull()) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("timestamp", "timestamp must be ISO-8601 with an offset, e.g. 2025-10-18T12:00:00Z");
        }
    }

    private static List<UUID> parents(JsonNode request) {
        JsonNode list = request.get("correlation_ids");
        List<UUID> parents = new ArrayList<>();
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiException.invalid("correlation_ids", "correlation_ids must be an array of event ids");
            }
            for (int i = 0; i < list.size(); i++) {
                UUID parent = uuid(list.get(i), "correlation_ids[" + i + "]");
                if (!parents.contains(parent)) {
                    parents.add(parent);
                }
            }
        } else if (request.hasNonNull("correlation_id")) {
            parents.add(uuid(request.get("correlation_id"), "correlation_id"));
        }
        return List.copyOf(parents);
    }

    private static UUID uuid(JsonNode node, String field) {
        try {
            if (node.isTextual()) {
                return UUID.fromString(node.asText());
            }
        } catch (IllegalArgumentException e) {
            // fall through to the refusal below
        }
        throw ApiException.invalid(field, field + " must be a UUID string");
    }

    private static JsonNode payload(JsonNode payload, EventType registered) {
        if (payload == null || payload.isNull()) {
            throw ApiException.invalid("payload", "payload is required");
        }
        if (!payload.isObject()) {
            throw ApiException.invalid("payload", "payload must be a JSON object");
        }
        if (registered != null) {
            typed(payload, registered.payload(), "payload");
        }
        return payload;
    }

    /** Binds {@code node} to {@code type} and applies its constraints; failures name the field under {@code prefix}. */
    private static <T> T typed(JsonNode node, Class<T> type, String prefix) {
        if (!node.isObject()) {
            throw ApiException.invalid(prefix, prefix + " must be a JSON object");
        }
        PayloadShapes.check(node, type, prefix);
        T value;
        try {
            value = JSON.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = FieldPaths.of(prefix, e);
            throw ApiException.invalid(field, field + " " + FieldPaths.problem(e));
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(prefix, prefix + " is not valid: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            String field = FieldPaths.of(prefix, first);
            throw ApiException.invalid(field, field + " " + first.getMessage());
        }
        return value;
    }
}
