package net.delonet.bloodbank.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    private static final Source SERVER = new Source("bloodbank-host", TriggerType.MANUAL, "bloodbank-http", null);
    private final EnvelopeReader reader = new EnvelopeReader(new EventTypeRegistry(), false, SERVER);

    private EventEnvelope read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private AbstractThrowableAssert<?, ?> refused(String json, int status, String field) {
        return assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void should_fill_id_timestamp_version_and_source_when_absent() {
        EventEnvelope e = read("{\"event_type\":\"llm.prompt\",\"payload\":{\"provider\":\"claude\",\"prompt\":\"hi\"}}");
        assertThat(e.eventId().version()).isEqualTo(4);
        assertThat(e.timestamp()).isNotNull();
        assertThat(e.version()).isEqualTo("2.0.0");
        assertThat(e.source()).isEqualTo(SERVER);
        assertThat(e.correlationIds()).isEmpty();
        assertThat(e.agentContext()).isNull();
    }

    @Test
    void should_derive_the_id_from_an_idempotency_key() {
        EventEnvelope e = read("{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{\"media_file\":\"/r/a.mp3\"},"
                + "\"idempotency_key\":{\"meeting_id\":\"abc123\"}}");
        assertThat(e.eventId()).isEqualTo(UUID.fromString("70117275-3199-5e4c-a175-71646fb33ad7"));
    }

    @Test
    void should_accept_a_legacy_single_correlation_id_as_a_one_element_list() {
        String parent = UUID.randomUUID().toString();
        EventEnvelope e = read("{\"event_type\":\"x.y\",\"payload\":{},\"correlation_id\":\"" + parent + "\"}");
        assertThat(e.correlationIds()).containsExactly(UUID.fromString(parent));
    }

    @Test
    void should_keep_parents_in_the_order_given_once_each() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        EventEnvelope e = read("{\"event_type\":\"x.y\",\"payload\":{},\"correlation_ids\":[\"" + b + "\",\"" + a + "\",\"" + b + "\"]}");
        assertThat(e.correlationIds()).containsExactly(UUID.fromString(b), UUID.fromString(a));
    }

    @Test
    void should_refuse_malformed_requests_with_400() {
        refused("{\"event_type\":", 400, "body");
        refused("[1,2]", 400, "body");
        refused("", 400, "body");
        refused("{\"payload\":{}}", 400, "event_type");
        refused("{\"event_type\":\"Fireflies.x\",\"payload\":{}}", 400, "event_type");
        refused("{\"event_type\":\"single\",\"payload\":{}}", 400, "event_type");
        refused("{\"event_type\":\"fireflies.*\",\"payload\":{}}", 400, "event_type");
        refused("{\"event_type\":42,\"payload\":{}}", 400, "event_type");
    }

    @Test
    void should_refuse_contract_violations_with_422_naming_the_field() {
        refused("{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{\"media_file\":\"a\",\"media_duration_seconds\":\"long\"}}",
                422, "payload.media_duration_seconds");
        refused("{\"event_type\":\"fireflies.transcript.upload\",\"payload\":{}}", 422, "payload.media_file");
        refused("{\"event_type\":\"fireflies.transcript.ready\",\"payload\":{\"id\":\"t\",\"sentences\":[{\"text\":\"a\"},{\"start_time\":1}]}}",
                422, "payload.sentences[1].text");
        refused("{\"event_type\":\"x.y\",\"payload\":[]}", 422, "payload");
        refused("{\"event_type\":\"x.y\"}", 422, "payload");
        refused("{\"event_type\":\"x.y\",\"payload\":{},\"source\":{\"host\":\"h\",\"type\":\"telepathy\"}}", 422, "source.type");
        refused("{\"event_type\":\"x.y\",\"payload\":{},\"source\":{\"type\":\"manual\"}}", 422, "source.host");
        refused("{\"event_type\":\"x.y\",\"payload\":{},\"agent_context\":{\"type\":\"hal-9000\"}}", 422, "agent_context.type");
        refused("{\"event_type\":\"x.y\",\"payload\":{},\"correlation_ids\":[\"not-a-uuid\"]}", 422, "correlation_ids[0]");
        refused("{\"event_type\":\"x.y\",\"payload\":{},\"event_id\":\"nope\"}", 422, "event_id");
        refused("{\"event_type\":\"x.y\",\"payload\":{},\"timestamp\":\"yesterday\"}", 422, "timestamp");
        refused("{\"event_type\":\"x.y\",\"payload\":{},\"idempotency_key\":{\"f\":1.5}}", 422, "idempotency_key.f");
    }

    @Test
    void should_accept_unknown_types_with_any_object_payload_unless_strict() {
        assertThat(read("{\"event_type\":\"home.lights.on\",\"payload\":{\"room\":\"kitchen\"}}").payload().get("room").asText())
                .isEqualTo("kitchen");
        EnvelopeReader strict = new EnvelopeReader(new EventTypeRegistry(), true, SERVER);
        assertThatThrownBy(() -> strict.read("{\"event_type\":\"home.lights.on\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void should_read_an_agent_context() {
        EventEnvelope e = read("{\"event_type\":\"agent.thread.prompt\",\"payload\":{\"prompt\":\"fix it\"},"
                + "\"source\":{\"host\":\"ws\",\"type\":\"agent\",\"app\":\"claude-code\"},"
                + "\"agent_context\":{\"type\":\"claude-code\",\"name\":\"Tonny\",\"code_state\":{\"branch\":\"main\"}}}");
        assertThat(e.agentContext().type()).isEqualTo(AgentType.CLAUDE_CODE);
        assertThat(e.agentContext().codeState().branch()).isEqualTo("main");
        assertThat(e.source().type()).isEqualTo(TriggerType.AGENT);
    }
}
