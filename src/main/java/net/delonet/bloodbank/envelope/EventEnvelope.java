package net.delonet.bloodbank.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The wire envelope every event travels in (DESIGN.md, "The envelope"). */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        OffsetDateTime timestamp,
        String version,
        Source source,
        List<UUID> correlationIds,
        @JsonInclude(JsonInclude.Include.ALWAYS) AgentContext agentContext,
        JsonNode payload) {

    public static final String VERSION = "2.0.0";

    /** The first parent, carried as the AMQP correlation_id; null for a root event. */
    public UUID firstParent() {
        return correlationIds.isEmpty() ? null : correlationIds.get(0);
    }
}
