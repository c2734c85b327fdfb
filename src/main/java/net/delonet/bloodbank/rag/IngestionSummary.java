package net.delonet.bloodbank.rag;

import java.time.OffsetDateTime;
import net.delonet.bloodbank.events.FirefliesEvents;

/**
 * What ingesting one transcript did: the fields of {@code fireflies.transcript.processed}.
 *
 * @param ragDocumentId the key of the transcript's passages in the index ({@code transcript:<id>})
 * @param durationMinutes Fireflies' duration (minutes), else the last sentence's end time
 * @param chunkCount passages stored; 0 for an empty transcript (any earlier passages were removed)
 */
public record IngestionSummary(String transcriptId, String ragDocumentId, String title,
        OffsetDateTime ingestionTimestamp, int sentenceCount, int speakerCount, double durationMinutes,
        int chunkCount, String embeddingModel, String vectorStore) {

    public static final String VECTOR_STORE = "lucene-hnsw";

    public FirefliesEvents.Processed toProcessed() {
        return new FirefliesEvents.Processed(transcriptId, ragDocumentId, title, ingestionTimestamp, sentenceCount,
                speakerCount, durationMinutes, vectorStore, chunkCount, embeddingModel);
    }
}
