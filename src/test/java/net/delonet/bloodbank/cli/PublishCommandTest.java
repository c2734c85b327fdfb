package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bb publish}, {@code bb types} and {@code bb chain} as processes against the real service. */
@BloodbankTest
class PublishCommandTest {

    private final String ns = "t" + UUID.randomUUID().toString().substring(0, 8);
    private RunningBloodbank bloodbank;
    private BrokerProbe broker;

    @Test
    void should_print_the_event_id_and_deliver_the_event_with_its_parents_key_and_agent() throws Exception {
        String queue = broker.queueBoundTo(ns + ".cli.#");
        String parent = UUID.randomUUID().toString();
        BbProcess.Result published = BbProcess.run(bloodbank, null, "publish", ns + ".cli.done", "--payload", "{\"n\":1}",
                "--parent", parent, "--key", "run=7", "--source-app", "cron", "--agent-type", "claude-code", "--agent-name", "ada");

        assertThat(published.exitCode()).isZero();
        assertThat(published.stdout().trim()).isEqualTo(EventIds.deterministic(ns + ".cli.done", Map.of("run", "7")).toString());
        JsonNode event = EnvelopeJson.mapper().readTree(broker.take(queue, 5000).getBody());
        assertThat(event.get("event_id").asText()).isEqualTo(published.stdout().trim());
        assertThat(event.at("/payload/n").asInt()).isEqualTo(1);
        assertThat(event.at("/correlation_ids/0").asText()).isEqualTo(parent);
        assertThat(event.at("/source/app").asText()).isEqualTo("cron");
        assertThat(event.at("/source/type").asText()).isEqualTo("agent");
        assertThat(event.at("/agent_context/type").asText()).isEqualTo("claude-code");
        assertThat(event.at("/agent_context/name").asText()).isEqualTo("ada");
    }

    @Test
    void should_read_the_payload_from_a_file_or_from_stdin(@TempDir Path dir) throws Exception {
        String queue = broker.queueBoundTo(ns + ".input.#");
        Path file = Files.writeString(dir.resolve("payload.json"), "{\"from\":\"file\"}");
        assertThat(BbProcess.run(bloodbank, null, "publish", ns + ".input.file", "--payload", "@" + file).exitCode()).isZero();
        assertThat(BbProcess.run(bloodbank, "{\"from\":\"stdin\"}", "publish", ns + ".input.stdin", "--payload", "-").exitCode()).isZero();

        assertThat(broker.drain(queue, 1000)).extracting(m -> EnvelopeJson.mapper().readTree(m.getBody()).at("/payload/from").asText())
                .containsExactly("file", "stdin");
    }

    @Test
    void should_exit_2_naming_the_field_when_the_service_refuses_the_payload() {
        BbProcess.Result refused = BbProcess.run(bloodbank, null, "publish", "llm.prompt", "--payload", "{\"prompt\":\"hi\"}");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).contains("payload.provider").contains("422");
    }

    @Test
    void should_exit_2_on_a_payload_that_is_not_json_or_a_usage_error() {
        BbProcess.Result notJson = BbProcess.run(bloodbank, null, "publish", ns + ".x.y", "--payload", "{oops");
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.stderr()).contains("--payload is not valid JSON");
        assertThat(BbProcess.run(bloodbank, null, "publish").exitCode()).isEqualTo(2);
        assertThat(BbProcess.run(bloodbank, null, "publish", ns + ".x.y", "--agent-name", "solo").exitCode()).isEqualTo(2);
    }

    @Test
    void should_show_what_led_to_an_event_and_what_it_caused_as_an_indented_tree() {
        String root = bloodbank.http().post("/events", "{\"event_type\":\"%s.chain.root\",\"payload\":{}}".formatted(ns)).json().get("event_id").asText();
        String child = BbProcess.run(bloodbank, null, "publish", ns + ".chain.child", "--parent", root).stdout().trim();
        String grandchild = BbProcess.run(bloodbank, null, "publish", ns + ".chain.leaf", "--parent", child).stdout().trim();

        assertThat(BbProcess.run(bloodbank, null, "chain", grandchild).stdout().lines()).containsExactly(
                grandchild + "  " + ns + ".chain.leaf",
                "  └─ caused by " + child + "  " + ns + ".chain.child",
                "    └─ caused by " + root + "  " + ns + ".chain.root");
        assertThat(BbProcess.run(bloodbank, null, "chain", root, "--descendants").stdout().lines()).containsExactly(
                root + "  " + ns + ".chain.root",
                "  └─ " + child + "  " + ns + ".chain.child",
                "    └─ " + grandchild + "  " + ns + ".chain.leaf");
        assertThat(BbProcess.run(bloodbank, null, "chain", UUID.randomUUID().toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void should_list_the_event_types_and_show_one_schema() {
        BbProcess.Result list = BbProcess.run(bloodbank, null, "types");
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).containsPattern("agent\\.thread\\.prompt +An agent was prompted");

        BbProcess.Result one = BbProcess.run(bloodbank, null, "types", "agent.thread.prompt");
        assertThat(one.stdout()).contains("\"prompt\"").contains("\"required\"");
        assertThat(BbProcess.run(bloodbank, null, "types", "no.such.type").exitCode()).isEqualTo(2);
    }
}
