package net.delonet.bloodbank.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** The Python bb's command forms, as its guide teaches them, against the real service. */
@BloodbankTest
class GuideCommandsTest {

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private RunningBloodbank bloodbank;
    private BrokerProbe broker;

    @Test
    void should_publish_an_llm_prompt_with_the_guides_publish_prompt() throws Exception {
        String queue = broker.queueBoundTo("llm.prompt");
        BbProcess.Result run = BbProcess.run(bloodbank, null, "publish-prompt", "--provider", "claude", "--model", "sonnet-4",
                "Write me a haiku " + marker);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> events = ours(queue, e -> e.at("/payload/prompt").asText().endsWith(marker));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("event_id").asText()).isEqualTo(run.stdout().trim());
            assertThat(event.at("/payload/provider").asText()).isEqualTo("claude");
            assertThat(event.at("/payload/model").asText()).isEqualTo("sonnet-4");
            assertThat(event.at("/payload/prompt").asText()).isEqualTo("Write me a haiku " + marker);
            assertThat(event.at("/source/app").asText()).isEqualTo("bb-cli");
        });
    }

    @Test
    void should_exit_2_without_a_provider_or_a_prompt() {
        assertThat(BbProcess.run(bloodbank, null, "publish-prompt", "Write me a haiku").exitCode()).isEqualTo(2);
        assertThat(BbProcess.run(bloodbank, null, "publish-prompt", "--provider", "claude").exitCode()).isEqualTo(2);
    }

    /** bb wrap PROGRAM -- PROMPT: PROGRAM runs with the prompt as its arguments; the prompt is the words after --. */
    @Test
    void should_record_the_words_after_the_dashes_as_the_prompt_and_run_the_program_with_them() {
        String queue = broker.queueBoundTo("agent.thread.*");
        BbProcess.Result run = BbProcess.run(bloodbank, null, "wrap", "echo", "--", "Fix the bug in app.py", marker);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("Fix the bug in app.py " + marker + "\n");
        List<JsonNode> events = ours(queue, e -> e.toString().contains(marker));
        assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("agent.thread.prompt", "agent.thread.response");
        assertThat(events.get(0).at("/payload/prompt").asText()).isEqualTo("Fix the bug in app.py " + marker);
        assertThat(events.get(0).at("/payload/provider").asText()).isEqualTo("echo");
        assertThat(events.get(1).at("/payload/response").asText()).isEqualTo("Fix the bug in app.py " + marker + "\n");
        assertThat(events.get(1).at("/correlation_ids/0").asText()).isEqualTo(events.get(0).get("event_id").asText());
    }

    /** The guide's own example, where claude-code is not installed: the prompt and the error are recorded, exit 127. */
    @Test
    void should_record_the_prompt_and_an_error_when_the_wrapped_program_is_absent() {
        String queue = broker.queueBoundTo("agent.thread.*");
        String program = "claude-code-" + marker;
        BbProcess.Result run = BbProcess.run(bloodbank, null, "wrap", program, "--", "Fix the bug in app.py");

        assertThat(run.exitCode()).isEqualTo(127);
        List<JsonNode> events = ours(queue, e -> e.at("/payload/provider").asText().equals(program));
        assertThat(events).extracting(e -> e.get("event_type").asText()).containsExactly("agent.thread.prompt", "agent.thread.error");
        assertThat(events.get(0).at("/payload/prompt").asText()).isEqualTo("Fix the bug in app.py");
        assertThat(events.get(1).at("/payload/failed_stage").asText()).isEqualTo("start");
        assertThat(events.get(1).at("/correlation_ids/0").asText()).isEqualTo(events.get(0).get("event_id").asText());
    }

    /** The guide's "*.failed" misses fireflies.transcript.failed: bb replay says so (a future window: nothing replayed). */
    @Test
    void should_warn_when_a_star_pattern_of_the_guide_is_replayed() {
        BbProcess.Result run = BbProcess.run(bloodbank, null, "replay", "--consumer", "artifact-logger", "--pattern", "*.failed",
                "--since", OffsetDateTime.now().plusHours(1).toString(), "--until", OffsetDateTime.now().plusHours(2).toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("replayed: 0 to artifact-logger\n");
        assertThat(run.stderr().lines()).filteredOn(line -> line.startsWith("bb: warning:")).singleElement().asString()
                .startsWith("bb: warning: '*.failed' matches no registered event type").contains("'#.failed'");
    }

    private List<JsonNode> ours(String queue, Predicate<JsonNode> mine) {
        return broker.drain(queue, 1000).stream().map(m -> {
            try {
                return EnvelopeJson.mapper().readTree(m.getBody());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(mine).toList();
    }
}
