package net.delonet.bloodbank.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;

/**
 * Cuts a transcript into passages. The rule, with words counted by splitting on whitespace:
 * <ol>
 * <li>Sentences are never split, except one longer than {@code maxWords}, which is cut into pieces of
 * {@code maxWords} words. Blank sentences are skipped.</li>
 * <li>A passage ends at a speaker turn once it holds {@code minWords} new words (so a passage is a run of
 * whole turns, and short back-and-forth stays together), or before the sentence that would take it past
 * {@code maxWords}.</li>
 * <li>The next passage opens with the last sentences of the previous one, at most {@code overlapWords}
 * words, so a thought cut at a boundary is found from either side. The overlap is dropped when it and the
 * next sentence do not fit together.</li>
 * </ol>
 * Each passage keeps its speakers and its time range. No sentences, no passages.
 */
public final class TranscriptChunker {

    private final ChunkBudget budget;

    public TranscriptChunker(ChunkBudget budget) {
        this.budget = budget;
    }

    public List<Passage> chunk(List<Sentence> sentences) {
        List<Passage> passages = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        int freshWords = 0;
        for (Line line : Line.split(sentences, budget.maxWords())) {
            boolean turn = !current.isEmpty()
                    && !Objects.equals(current.get(current.size() - 1).speaker(), line.speaker());
            boolean full = Line.words(current) + line.words() > budget.maxWords();
            if (freshWords > 0 && (full || (turn && freshWords >= budget.minWords()))) {
                passages.add(Line.toPassage(current));
                current = overlap(current);
                freshWords = 0;
            }
            if (Line.words(current) + line.words() > budget.maxWords()) {
                current.clear();
            }
            current.add(line);
            freshWords += line.words();
        }
        if (freshWords > 0) {
            passages.add(Line.toPassage(current));
        }
        return passages;
    }

    private List<Line> overlap(List<Line> previous) {
        List<Line> tail = new ArrayList<>();
        int words = 0;
        for (int i = previous.size() - 1; i >= 0; i--) {
            words += previous.get(i).words();
            if (words > budget.overlapWords()) {
                break;
            }
            tail.add(0, previous.get(i));
        }
        return tail;
    }
}
