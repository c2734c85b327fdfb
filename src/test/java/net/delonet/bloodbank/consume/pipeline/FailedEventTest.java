package net.delonet.bloodbank.consume.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.refusal.NonRetryableException;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.junit.jupiter.api.Test;

/** The .failed event a consumer publishes when it gives up, built without Camel or a broker. */
class FailedEventTest {

    private final EventTypeRegistry types = new EventTypeRegistry();
    private final Source source = new Source("box", TriggerType.HOOK, "bloodbank/uploader", null);
    private final String eventId = UUID.randomUUID().toString();

    private Failure failure(String type, JsonNode payload) {
        OffsetDateTime at = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        return new Failure("uploader", "uploader", eventId, type, payload, new NonRetryableException("E_AUDIO", "Audio too quiet", null),
                false, 1, at, at, 0, "bloodbank.uploader.dlq");
    }

    @Test
    void should_name_the_failure_after_the_entity_or_the_whole_two_segment_type() {
        assertThat(FailedEvent.typeOf("fireflies.transcript.upload")).isEqualTo("fireflies.transcript.failed");
        assertThat(FailedEvent.typeOf("a.b.c.d")).isEqualTo("a.b.c.failed");
        assertThat(FailedEvent.typeOf("artifact.created")).isEqualTo("artifact.created.failed");
    }

    @Test
    void should_use_the_registered_failure_payload_and_carry_its_fields_over_from_the_failed_payload() {
        ObjectNode upload = EnvelopeJson.mapper().createObjectNode().put("media_file", "/r/standup.mp3").put("title", "Standup");
        ObjectNode request = FailedEvent.request(failure("fireflies.transcript.upload", upload), types, source).orElseThrow();

        assertThat(request.get("event_type").asText()).isEqualTo("fireflies.transcript.failed");
        assertThat(request.get("correlation_ids")).extracting(JsonNode::asText).containsExactly(eventId);
        assertThat(request.get("idempotency_key").get("failed_event_id").asText()).isEqualTo(eventId);
        JsonNode payload = request.get("payload");
        assertThat(payload.get("failed_stage").asText()).isEqualTo("uploader");
        assertThat(payload.get("error_code").asText()).isEqualTo("E_AUDIO");
        assertThat(payload.get("is_retryable").asBoolean()).isFalse();
        assertThat(payload.get("retry_count").asInt()).isZero();
        assertThat(payload.get("media_file").asText()).as("a field of FirefliesEvents.Failed").isEqualTo("/r/standup.mp3");
        assertThat(payload.has("title")).as("not a field of FirefliesEvents.Failed").isFalse();
    }

    @Test
    void should_publish_nothing_for_a_failed_event_or_a_message_that_named_no_event() {
        assertThat(FailedEvent.request(failure("fireflies.transcript.failed", null), types, source)).isEmpty();
        assertThat(FailedEvent.request(failure(null, null), types, source)).isEmpty();
        assertThat(FailedEvent.request(failure("not a type", null), types, source)).isEmpty();
    }
}
