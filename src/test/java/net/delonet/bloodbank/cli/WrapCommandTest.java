package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** {@code bb wrap}: the wrapped command runs as if alone, and its prompt and response land on the bus, linked. */
@BloodbankTest
class WrapCommandTest {

    /** A provider name of this run's own: agent.thread.* events of other tests on the broker are not ours. */
    private final String provider = "agent-" + UUID.randomUUID().toString().substring(0, 8);
    private RunningBloodbank bloodbank;
    private BrokerProbe broker;

    @Test
    void should_keep_output_and_exit_code_and_record_the_response_as_a_child_of_the_prompt() {
        String queue = broker.queueBoundTo("agent.thread.*");
        BbProcess.Result run = BbProcess.run(bloodbank, "Summarise the standup\n", "wrap", "--provider", provider, "--",
                "sh", "-c", "cat >/dev/null; printf 'the answer\\n'; echo 'a diagnostic' >&2; exit 3");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).isEqualTo("the answer\n");
        assertThat(run.stderr()).isEqualTo("a diagnostic\n");

        List<JsonNode> events = ours(queue);
        assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("agent.thread.prompt", "agent.thread.response");
        JsonNode prompt = events.get(0);
        JsonNode response = events.get(1);
        assertThat(prompt.at("/payload/prompt").asText()).isEqualTo("Summarise the standup\n");
        assertThat(prompt.at("/source/type").asText()).isEqualTo("agent");
        assertThat(response.at("/correlation_ids/0").asText()).isEqualTo(prompt.get("event_id").asText());
        assertThat(response.at("/payload/response").asText()).isEqualTo("the answer\n");
        assertThat(response.at("/payload/exit_code").asInt()).isEqualTo(3);
        assertThat(response.at("/payload/duration_ms").isIntegralNumber()).isTrue();

        JsonNode causation = bloodbank.http().get("/debug/correlation/" + prompt.get("event_id").asText()).json();
        assertThat(causation.get("children")).extracting(JsonNode::asText).containsExactly(response.get("event_id").asText());
    }

    @Test
    void should_take_the_prompt_from_the_arguments_when_stdin_is_empty() {
        String queue = broker.queueBoundTo("agent.thread.prompt");
        BbProcess.Result run = BbProcess.run(bloodbank, null, "wrap", "--provider", provider, "--", "echo", "hello", "there");

        assertThat(run.stdout()).isEqualTo("hello there\n");
        assertThat(ours(queue)).extracting(e -> e.at("/payload/prompt").asText()).containsExactly("echo hello there");
    }

    @Test
    void should_still_run_the_command_with_one_warning_when_the_bus_is_down() {
        BbProcess.Result run = BbProcess.run(Map.of("BLOODBANK_URL", "http://127.0.0.1:" + RunningBloodbank.freePort()),
                "prompt", "wrap", "--", "sh", "-c", "cat; exit 5");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.stdout()).isEqualTo("prompt");
        assertThat(run.stderr().lines()).hasSize(1).first().asString().startsWith("bb: warning: agent.thread.prompt not recorded");
    }

    @Test
    void should_exit_127_and_record_an_error_when_the_command_cannot_run() {
        String queue = broker.queueBoundTo("agent.thread.*");
        BbProcess.Result run = BbProcess.run(bloodbank, null, "wrap", "--provider", provider, "--", "/no/such/agent");

        assertThat(run.exitCode()).isEqualTo(127);
        assertThat(run.stderr()).startsWith("bb: cannot run /no/such/agent");
        List<JsonNode> events = ours(queue);
        assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("agent.thread.prompt", "agent.thread.error");
        assertThat(events.get(1).at("/correlation_ids/0").asText()).isEqualTo(events.get(0).get("event_id").asText());
    }

    private List<JsonNode> ours(String queue) {
        return broker.drain(queue, 1000).stream().map(m -> {
            try {
                return EnvelopeJson.mapper().readTree(m.getBody());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(e -> e.at("/payload/provider").asText().equals(provider)).toList();
    }
}
