package net.delonet.bloodbank.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.RedisProbe;
import org.junit.jupiter.api.Test;

/** Causation recorded in the real Redis under the documented keys, and queried over HTTP. */
@BloodbankTest("bloodbank.correlation.ttl-days=3")
class CorrelationApiTest {

    private HttpApi api;
    private RedisProbe redis;

    private String publish(String type, String... parents) {
        String ids = parents.length == 0 ? "" : ",\"correlation_ids\":[\"" + String.join("\",\"", parents) + "\"]";
        HttpApi.Answer answer = api.post("/events", "{\"event_type\":\"" + type + "\",\"payload\":{}" + ids + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("event_id").asText();
    }

    @Test
    void should_write_forward_and_reverse_keys_with_the_ttl() throws Exception {
        String parent = publish("test.chain.root");
        String child = publish("test.chain.child", parent);

        JsonNode forward = EnvelopeJson.mapper().readTree(redis.redis().get("bloodbank:correlation:forward:" + child));
        assertThat(forward.get("parent_event_ids").get(0).asText()).isEqualTo(parent);
        assertThat(forward.get("created_at").asText()).isNotBlank();
        assertThat(forward.get("metadata").get("event_type").asText()).isEqualTo("test.chain.child");
        assertThat(EnvelopeJson.mapper().readTree(redis.redis().get("bloodbank:correlation:forward:" + parent))
                .get("parent_event_ids")).isEmpty();
        assertThat(redis.redis().smembers("bloodbank:correlation:reverse:" + parent)).containsExactly(child);
        long threeDays = 3 * 24 * 3600;
        assertThat(redis.redis().ttl("bloodbank:correlation:forward:" + child)).isCloseTo(threeDays, within(60L));
        assertThat(redis.redis().ttl("bloodbank:correlation:reverse:" + parent)).isCloseTo(threeDays, within(60L));
    }

    @Test
    void should_answer_ancestors_and_descendants_of_a_chain_with_several_parents() {
        String upload = publish("fireflies.transcript.upload.test");
        String calendar = publish("calendar.meeting.test");
        String ready = publish("fireflies.transcript.ready.test", upload, calendar);
        String processed = publish("fireflies.transcript.processed.test", ready);
        String summary = publish("notes.summary.test", ready, upload);

        JsonNode ancestors = api.get("/debug/correlation/" + processed + "/chain?direction=ancestors").json();
        assertThat(ancestors.get("direction").asText()).isEqualTo("ancestors");
        assertThat(ancestors.get("chain")).extracting(JsonNode::asText).containsExactly(upload, calendar, ready, processed);
        assertThat(ancestors.get("count").asInt()).isEqualTo(4);

        assertThat(api.get("/debug/correlation/" + processed + "/chain").json().get("direction").asText()).isEqualTo("ancestors");

        JsonNode descendants = api.get("/debug/correlation/" + upload + "/chain?direction=descendants").json();
        assertThat(descendants.get("chain")).extracting(JsonNode::asText).startsWith(upload)
                .containsOnlyOnce(upload, ready, processed, summary).hasSize(4);
        assertThat(descendants.get("chain").get(3).asText()).isEqualTo(processed);

        JsonNode debug = api.get("/debug/correlation/" + ready).json();
        assertThat(debug.get("event_id").asText()).isEqualTo(ready);
        assertThat(debug.get("parents")).extracting(JsonNode::asText).containsExactly(upload, calendar);
        assertThat(debug.get("children")).extracting(JsonNode::asText).containsExactlyInAnyOrder(processed, summary);
        assertThat(debug.get("ancestors")).extracting(JsonNode::asText).containsExactly(upload, calendar, ready);
        assertThat(debug.get("metadata").get("event_type").asText()).isEqualTo("fireflies.transcript.ready.test");
    }

    @Test
    void should_know_a_parent_from_elsewhere_by_its_children() {
        String outside = UUID.randomUUID().toString();
        String child = publish("test.outside.child", outside);
        JsonNode chain = api.get("/debug/correlation/" + outside + "/chain?direction=descendants").json();
        assertThat(chain.get("chain")).extracting(JsonNode::asText).containsExactly(outside, child);
    }
}
