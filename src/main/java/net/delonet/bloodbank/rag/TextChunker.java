package net.delonet.bloodbank.rag;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;

/**
 * Cuts plain text (an artifact's content) into passages with the transcript rule: the text is split into
 * sentences, which are one speaker's single turn, so passages end only at the word budget.
 */
public final class TextChunker {

    private final TranscriptChunker chunker;

    public TextChunker(ChunkBudget budget) {
        this.chunker = new TranscriptChunker(budget);
    }

    public List<Passage> chunk(String content) {
        if (content == null || content.isBlank()) {
            return List.of();
        }
        BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ROOT);
        boundaries.setText(content);
        List<Sentence> sentences = new ArrayList<>();
        for (int start = boundaries.first(), end = boundaries.next(); end != BreakIterator.DONE;
                start = end, end = boundaries.next()) {
            sentences.add(new Sentence(sentences.size(), content.substring(start, end), null, null, null, null, null));
        }
        return chunker.chunk(sentences);
    }
}
