package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.envelope.JsonBody;

/**
 * One transcript announced by a call to {@code POST /webhooks/fireflies}, in any of the shapes accepted:
 * Fireflies' webhook ({@code {meetingId, eventType, clientReferenceId}}), its Webhooks V2 form
 * ({@code {event, meeting_id, client_reference_id}}), the seed's full data ({@code {"data": {...}}}) and n8n's
 * array of those. {@code transcript} is set when the call carried the transcript itself.
 */
public record FirefliesDelivery(String meetingId, String clientReferenceId, boolean completed, JsonNode transcript) {

    /** Event names meaning "the transcript is ready" (V1 and V2). */
    static final Set<String> COMPLETED = Set.of("Transcription completed", "meeting.transcribed");

    public static List<FirefliesDelivery> read(byte[] body) {
        JsonNode root = JsonBody.parse(body);
        List<FirefliesDelivery> deliveries = new ArrayList<>();
        for (JsonNode one : root != null && root.isArray() ? root : List.of(root == null ? EnvelopeJson.mapper().nullNode() : root)) {
            deliveries.add(one(one));
        }
        return deliveries;
    }

    private static FirefliesDelivery one(JsonNode call) {
        if (!call.isObject()) {
            throw ApiException.badRequest("body", "Expected a Fireflies webhook object");
        }
        JsonNode data = call.path("data");
        if (data.isObject()) {
            if (!data.path("id").isValueNode() || data.path("id").asText().isBlank()) {
                throw ApiException.invalid("data.id", "data.id (the transcript id) is required");
            }
            String reference = first(call, data, "clientReferenceId", "client_reference_id");
            return new FirefliesDelivery(data.path("id").asText(), reference, true, data);
        }
        String meetingId = first(call, call, "meetingId", "meeting_id");
        if (meetingId == null || meetingId.isBlank()) {
            throw ApiException.invalid("meetingId", "meetingId is required");
        }
        String event = first(call, call, "eventType", "event");
        return new FirefliesDelivery(meetingId, first(call, call, "clientReferenceId", "client_reference_id"),
                event == null || COMPLETED.contains(event), null);
    }

    private static String first(JsonNode call, JsonNode data, String camel, String snake) {
        for (JsonNode node : List.of(call.path(camel), call.path(snake), data.path(camel), data.path(snake))) {
            if (node.isValueNode() && !node.isNull()) {
                return node.asText();
            }
        }
        return null;
    }

    /** The upload event this transcript answers, when the reference is one of Bloodbank's event ids. */
    public List<UUID> parents() {
        try {
            return clientReferenceId == null ? List.of() : List.of(UUID.fromString(clientReferenceId));
        } catch (IllegalArgumentException notOurs) {
            return List.of();
        }
    }
}
