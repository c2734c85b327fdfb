package net.delonet.bloodbank.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;
import org.junit.jupiter.api.Test;

class TranscriptChunkerTest {

    private final TranscriptChunker chunker = new TranscriptChunker(new ChunkBudget(12, 4, 5));

    @Test
    void should_make_no_passage_from_an_empty_transcript() {
        assertThat(chunker.chunk(List.of())).isEmpty();
        assertThat(chunker.chunk(null)).isEmpty();
        assertThat(chunker.chunk(List.of(say("Alice", "   ", 0)))).isEmpty();
    }

    @Test
    void should_make_one_passage_from_one_sentence() {
        assertThat(chunker.chunk(List.of(say("Alice", "Hello there.", 2))))
                .containsExactly(new Passage("Alice: Hello there.", List.of("Alice"), 2.0, 3.0));
    }

    @Test
    void should_keep_short_turns_together_and_split_at_a_turn_once_the_passage_is_long_enough() {
        List<Passage> passages = chunker.chunk(List.of(say("Alice", "Yes.", 0), say("Bob", "No.", 1),
                say("Alice", "One two three four five.", 2), say("Bob", "Six seven.", 3)));

        assertThat(passages).extracting(Passage::text)
                .containsExactly("Alice: Yes. Bob: No. Alice: One two three four five.",
                        "Alice: One two three four five. Bob: Six seven.");
        assertThat(passages.get(0).speakers()).containsExactly("Alice", "Bob");
        assertThat(passages.get(1).startTime()).isEqualTo(2.0);
        assertThat(passages.get(1).endTime()).isEqualTo(4.0);
    }

    @Test
    void should_split_a_long_turn_at_the_budget_and_overlap_the_last_short_sentence() {
        List<Passage> passages = chunker.chunk(List.of(say("Alice", "a b c d e f g h.", 0),
                say("Alice", "i j k.", 1), say("Alice", "l m n o.", 2)));

        assertThat(passages).extracting(Passage::text)
                .containsExactly("Alice: a b c d e f g h. i j k.", "Alice: i j k. l m n o.");
    }

    @Test
    void should_cut_a_sentence_longer_than_the_budget_into_pieces() {
        List<Passage> passages = chunker.chunk(List.of(say(null, "w ".repeat(30), 0)));

        assertThat(passages).hasSize(3).allSatisfy(p -> assertThat(words(p)).isLessThanOrEqualTo(12));
    }

    @Test
    void should_stay_within_the_default_budget_on_a_long_meeting() {
        List<Passage> passages = new TranscriptChunker(ChunkBudget.DEFAULT)
                .chunk(Meetings.synthetic("long", 2_000, 7).sentences());

        assertThat(passages).hasSizeGreaterThan(100)
                .allSatisfy(p -> assertThat(words(p)).isLessThanOrEqualTo(150 + 4 * p.speakers().size() + 20));
        assertThat(passages.get(passages.size() - 1).endTime()).isEqualTo(1999 * 3.6 + 3.4);
    }

    private static Sentence say(String speaker, String text, double start) {
        return new Sentence(0, text, text, speaker, speaker, start, start + 1);
    }

    private static int words(Passage passage) {
        return passage.text().split("\\s+").length;
    }
}
