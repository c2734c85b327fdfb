package net.delonet.bloodbank.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.registry.EventTypeRegistry;
import org.junit.jupiter.api.Test;

/** Routing patterns as the broker applies them, and the recent-events buffer that filters with them. */
class TopicPatternTest {

    @Test
    void should_match_star_to_one_word_and_hash_to_any_number() {
        assertThat(TopicPattern.matches("llm.*", "llm.prompt")).isTrue();
        assertThat(TopicPattern.matches("llm.*", "llm.prompt.extra")).isFalse();
        assertThat(TopicPattern.matches("llm.#", "llm")).isTrue();
        assertThat(TopicPattern.matches("#.failed", "fireflies.transcript.failed")).isTrue();
        assertThat(TopicPattern.matches("*.transcript.#", "fireflies.transcript")).isTrue();
        assertThat(TopicPattern.matches("a.#.c", "a.b.b.c")).isTrue();
        assertThat(TopicPattern.matches("a.#.c", "a.b.d")).isFalse();
        assertThat(TopicPattern.matches("#", "anything.at.all")).isTrue();
    }

    @Test
    void should_refuse_empty_words_and_foreign_characters() {
        assertThat(TopicPattern.isValid("llm.*")).isTrue();
        assertThat(TopicPattern.isValid("a..b")).isFalse();
        assertThat(TopicPattern.isValid("llm.")).isFalse();
        assertThat(TopicPattern.isValid("llm prompt")).isFalse();
        assertThat(TopicPattern.isValid("")).isFalse();
    }

    @Test
    void should_keep_the_newest_events_and_answer_the_matching_ones_oldest_first() {
        RecentEvents recent = new RecentEvents(3, new EventTypeRegistry()::names);
        for (int i = 1; i <= 5; i++) {
            recent.add(event(i % 2 == 0 ? "even.n" : "odd.n"));
        }
        JsonNode all = recent.query("#", "10");
        assertThat(all.get("events").findValuesAsText("event_type")).containsExactly("odd.n", "even.n", "odd.n");
        assertThat(recent.query("even.*", null).get("count").asInt()).isEqualTo(1);
        assertThat(recent.query("odd.*", "1").get("events").get(0).get("event_id").asText())
                .isEqualTo(all.get("events").get(2).get("event_id").asText());

        assertThatThrownBy(() -> recent.query("a..b", "1")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.field()).isEqualTo("pattern"));
        assertThatThrownBy(() -> recent.query("#", "0")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.field()).isEqualTo("limit"));
    }

    /** The guide's "fireflies.* → all Fireflies events" and "*.failed" miss three-word types: said, with the # form. */
    @Test
    void should_warn_of_a_star_pattern_that_matches_no_registered_type_while_its_hash_form_would() {
        List<String> types = new EventTypeRegistry().names();
        assertThat(TopicPattern.misleadingStar("fireflies.*", types)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("'fireflies.*' matches no registered event type").contains("'fireflies.#'"));
        assertThat(TopicPattern.misleadingStar("*.failed", types)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("'#.failed'").contains(".failed"));
        assertThat(TopicPattern.misleadingStar("*.transcript.*", types)).as("matches three-word types").isEmpty();
        assertThat(TopicPattern.misleadingStar("llm.*", types)).as("matches llm.prompt").isEmpty();
        assertThat(TopicPattern.misleadingStar("fireflies.#", types)).as("no star").isEmpty();
        assertThat(TopicPattern.misleadingStar("nobody.*", types)).as("the # form matches nothing either").isEmpty();

        RecentEvents recent = new RecentEvents(3, () -> types);
        assertThat(recent.query("fireflies.*", null).get("warnings").get(0).asText()).contains("'fireflies.#'");
        assertThat(recent.query("fireflies.#", null).has("warnings")).isFalse();
    }

    private static EventEnvelope event(String type) {
        return new EventEnvelope(UUID.randomUUID(), type, OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.VERSION,
                new Source("h", TriggerType.MANUAL, null, null), List.of(), null, JsonNodeFactory.instance.objectNode());
    }
}
