package net.delonet.bloodbank.rag;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import net.delonet.bloodbank.refusal.NonRetryableException;
import net.delonet.bloodbank.events.FirefliesEvents.Ready;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;

/**
 * Makes a transcript or an artifact searchable: chunk, embed, replace its passages in the index.
 * Ingesting the same transcript again replaces its passages, so redelivered events are harmless.
 */
public final class RagIngester {

    /** The error code of a transcript without words. */
    public static final String EMPTY_TRANSCRIPT = "empty_transcript";

    private final PassageIndex index;
    private final PassageEmbedder embedder;
    private final TranscriptChunker transcripts;
    private final TextChunker texts;

    public RagIngester(PassageIndex index, PassageEmbedder embedder, ChunkBudget budget) {
        this.index = index;
        this.embedder = embedder;
        this.transcripts = new TranscriptChunker(budget);
        this.texts = new TextChunker(budget);
    }

    /** A transcript without a word in it (no sentences, or only blank ones) is refused: nothing to make searchable. */
    public IngestionSummary ingest(Ready transcript) throws IOException {
        List<Sentence> sentences = transcript.sentences() == null ? List.of() : transcript.sentences();
        if (sentences.stream().allMatch(sentence -> sentence.text() == null || sentence.text().isBlank())) {
            throw new NonRetryableException(EMPTY_TRANSCRIPT, "Transcript " + transcript.id()
                    + " has no words (" + sentences.size() + " sentence(s), none with text): nothing to index", null);
        }
        RagSource source = RagSource.transcript(transcript.id(), transcript.title());
        int chunks = store(source, transcripts.chunk(sentences));
        return new IngestionSummary(transcript.id(), source.documentId(), transcript.title(),
                OffsetDateTime.now(ZoneOffset.UTC), sentences.size(), speakerCount(transcript, sentences),
                durationMinutes(transcript, sentences), chunks, embedder.modelName(), IngestionSummary.VECTOR_STORE);
    }

    /** For {@code artifact.created} and {@code artifact.updated}: blank content removes the artifact. */
    public ArtifactIngestion ingestArtifact(String artifactId, String title, String content) throws IOException {
        RagSource source = RagSource.artifact(artifactId, title);
        return new ArtifactIngestion(artifactId, source.documentId(), store(source, texts.chunk(content)));
    }

    /** For {@code artifact.deleted}. */
    public void deleteArtifact(String artifactId) throws IOException {
        index.delete(RagSource.artifact(artifactId, null).documentId());
    }

    private int store(RagSource source, List<Passage> passages) throws IOException {
        index.replace(source, passages, embedder.embed(passages.stream().map(Passage::text).toList()));
        return passages.size();
    }

    private static int speakerCount(Ready transcript, List<Sentence> sentences) {
        long named = sentences.stream().map(Sentence::speakerName).filter(Objects::nonNull)
                .filter(name -> !name.isBlank()).distinct().count();
        return named > 0 || transcript.speakers() == null ? (int) named : transcript.speakers().size();
    }

    private static double durationMinutes(Ready transcript, List<Sentence> sentences) {
        if (transcript.duration() != null) {
            return transcript.duration();
        }
        double end = sentences.stream().map(Sentence::endTime).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        return Math.round(end / 60 * 100) / 100.0;
    }
}
