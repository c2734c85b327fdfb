package net.delonet.bloodbank.consume.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EnvelopeRequests;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.events.FailurePayload;
import net.delonet.bloodbank.events.GenericFailure;
import net.delonet.bloodbank.registry.EventTypeRegistry;

/**
 * The event a consumer publishes when it gives up (DESIGN.md, "Event types"): handling {@code a.b.c} failed →
 * {@code a.b.failed}, a two-segment {@code a.b} → {@code a.b.failed}; parent = the failed event. Pure: no I/O.
 */
public final class FailedEvent {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private FailedEvent() {
    }

    public static String typeOf(String failedType) {
        String[] segments = failedType.split("\\.");
        return segments.length <= 2 ? failedType + ".failed"
                : failedType.substring(0, failedType.lastIndexOf('.')) + ".failed";
    }

    /**
     * The envelope request, or empty when there must be none: the message named no event to be the parent, or it
     * was itself a {@code .failed} event (a consumer failing on failures would otherwise feed itself forever).
     */
    public static Optional<ObjectNode> request(Failure failure, EventTypeRegistry types, Source source) {
        if (failure.eventType() == null || !EventTypeRegistry.EVENT_TYPE.matcher(failure.eventType()).matches()
                || failure.eventType().endsWith(".failed") || !isUuid(failure.eventId())) {
            return Optional.empty();
        }
        String type = typeOf(failure.eventType());
        ObjectNode payload = EnvelopeJson.mapper().valueToTree(new GenericFailure(failure.stage(),
                failure.errorMessage(), failure.errorCode(), failure.retryable(), failure.attempts() - 1, metadata(failure)));
        // A registered failure payload may name fields of the failed payload (media_file, artifact_id): carry them over.
        types.find(type).filter(t -> FailurePayload.class.isAssignableFrom(t.payload())).ifPresent(registered -> {
            for (RecordComponent component : registered.payload().getRecordComponents()) {
                String field = SNAKE_CASE.translate(component.getName());
                JsonNode value = failure.payload() == null ? null : failure.payload().get(field);
                if (!payload.has(field) && value != null) {
                    payload.set(field, value);
                }
            }
        });
        ObjectNode request = EnvelopeRequests.request(type, payload, List.of(UUID.fromString(failure.eventId())), source);
        // The same give-up published twice (a crash before the ack) gets the same id, so its consumers dedupe it.
        return Optional.of(EnvelopeRequests.withKey(request, Map.of("consumer", failure.consumer(),
                "failed_event_id", failure.eventId(), "redrives", failure.redrives())));
    }

    private static Map<String, Object> metadata(Failure failure) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("consumer", failure.consumer());
        metadata.put("failed_event_type", failure.eventType());
        metadata.put("exception_class", failure.error().getClass().getName());
        metadata.put("attempts", failure.attempts());
        metadata.put("first_failure_at", failure.firstFailureAt().toString());
        metadata.put("last_failure_at", failure.lastFailureAt().toString());
        metadata.put("redrives", failure.redrives());
        metadata.put("dead_letter_queue", failure.deadLetterQueue());
        return metadata;
    }

    private static boolean isUuid(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
