package net.delonet.bloodbank.consume.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.delonet.bloodbank.cli.BbProcess;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.Consumers;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RecordingHandler;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * POST /replay: archived events back onto a consumer's queue by pattern and time window, only those the consumer is
 * bound to. The consumer here is declared after the events were published, so it sees them only through replays.
 */
@BloodbankTest
@DisabledIfSystemProperty(named = "bloodbank.test.backends", matches = "embedded",
        disabledReason = "the archive is a RabbitMQ stream; the embedded broker has none")
class ReplayTest {

    private final String ns = "y" + UUID.randomUUID().toString().substring(0, 8);
    private final String name = ns + "-late";
    private final RecordingHandler handler = new RecordingHandler();
    private RunningBloodbank bloodbank;
    private HttpApi api;
    private OffsetDateTime before;
    private OffsetDateTime between;
    private String alphaOne;
    private String betaOne;
    private String alphaTwo;
    private String gammaOne;

    @BeforeAll
    void publishBeforeTheConsumerExists() throws Exception {
        before = OffsetDateTime.now(ZoneOffset.UTC);
        alphaOne = publish(ns + ".alpha.one");
        betaOne = publish(ns + ".beta.one.deep");
        gammaOne = publish(ns + ".gamma.one");
        Thread.sleep(1100);
        between = OffsetDateTime.now(ZoneOffset.UTC);
        alphaTwo = publish(ns + ".alpha.two");
        // gamma is not among its bindings
        Consumers.add(bloodbank, name, ns + ".alpha.*," + ns + ".beta.#", handler);
    }

    private String publish(String type) {
        return api.post("/events", "{\"event_type\":\"%s\",\"payload\":{}}".formatted(type)).json().get("event_id").asText();
    }

    private Answer replay(String body) {
        return api.post("/replay", body);
    }

    @Test
    void should_replay_the_events_matching_the_pattern_within_the_window_then_let_dedupe_skip_repeats() {
        // alpha.one: in the window and matching; beta.one.deep, gamma.one: not matching; alpha.two: after the window.
        JsonNode first = replay("{\"consumer\":\"%s\",\"pattern\":\"%s.alpha.*\",\"since\":\"%s\",\"until\":\"%s\"}"
                .formatted(name, ns, before, between)).json();
        assertThat(first.get("replayed").asInt()).isEqualTo(1);
        assertThat(first.get("skipped").asInt()).isZero();
        assertThat(first.get("scanned").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(first.get("stopped_by").asText()).isEqualTo("end_of_archive");
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(alphaOne).size() == 1);

        JsonNode all = replay("{\"consumer\":\"%s\",\"pattern\":\"%s.#\",\"since\":\"%s\"}".formatted(name, ns, before)).json();
        assertThat(all.get("replayed").asInt()).isEqualTo(3);
        assertThat(all.get("skipped").asInt()).as("gamma.one: the consumer is not bound to it").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(betaOne).size() == 1 && handler.calls(alphaTwo).size() == 1);
        await().during(Duration.ofMillis(500)).until(() -> handler.calls(alphaOne).size() == 1);
        assertThat(handler.calls()).extracting(RecordingHandler.Call::eventId).containsOnly(alphaOne, betaOne, alphaTwo);
    }

    /** The guide's "*.failed" misses every three-word failure type: the answer says so (a future window: nothing replayed). */
    @Test
    void should_warn_in_its_answer_when_a_star_pattern_can_never_match() {
        String window = "\"since\":\"%s\",\"until\":\"%s\"".formatted(OffsetDateTime.now().plusHours(1), OffsetDateTime.now().plusHours(2));
        JsonNode star = replay("{\"consumer\":\"%s\",\"pattern\":\"*.failed\",%s}".formatted(name, window)).json();
        assertThat(star.get("warnings")).singleElement().asString().contains("'*.failed' matches no registered event type")
                .contains("'#.failed'");
        assertThat(star.get("replayed").asInt()).isZero();
        assertThat(replay("{\"consumer\":\"%s\",\"pattern\":\"#.failed\",%s}".formatted(name, window)).json().has("warnings"))
                .isFalse();
    }

    @Test
    void should_deliver_only_events_the_consumer_is_bound_to_and_bb_replay_says_how_many_it_skipped() {
        BbProcess.Result run = BbProcess.run(bloodbank, null,
                "replay", "--consumer", name, "--pattern", ns + ".gamma.#", "--since", before.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("replayed: 0 to " + name + " (skipped 1 it is not bound to)\n");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> handler.calls(gammaOne).isEmpty());
    }

    @Test
    void should_stop_at_the_limit_and_say_so() {
        JsonNode limited = replay("{\"consumer\":\"%s\",\"pattern\":\"%s.#\",\"since\":\"%s\",\"limit\":1}"
                .formatted(name, ns, before)).json();
        assertThat(limited.get("replayed").asInt()).isEqualTo(1);
        assertThat(limited.get("stopped_by").asText()).isEqualTo("limit");
    }

    @Test
    void should_refuse_what_it_cannot_replay() {
        assertThat(replay("{\"consumer\":\"%s\"}".formatted(name)).json().get("field").asText()).isEqualTo("since");
        assertThat(replay("{\"since\":\"%s\"}".formatted(before)).json().get("field").asText()).isEqualTo("consumer");
        assertThat(replay("{\"consumer\":\"%s\",\"since\":\"%s\",\"until\":\"%s\"}".formatted(name, between, before))
                .json().get("field").asText()).isEqualTo("until");
        assertThat(replay("{\"consumer\":\"%s\",\"since\":\"yesterday\"}".formatted(name)).status()).isEqualTo(400);
        assertThat(replay("{\"consumer\":\"%s\",\"since\":\"%s\",\"pattern\":\"a..b\"}".formatted(name, before))
                .json().get("field").asText()).isEqualTo("pattern");
        assertThat(replay("{\"consumer\":\"%s-nobody\",\"since\":\"%s\"}".formatted(ns, before)).status()).isEqualTo(404);
    }
}
