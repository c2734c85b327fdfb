package net.delonet.bloodbank.rag;

import java.util.List;

/**
 * One passage found by a search.
 *
 * @param kind "transcript" or "artifact"
 * @param transcriptId the Fireflies transcript id, null for an artifact
 * @param artifactId the artifact id, null for a transcript
 * @param ragDocumentId the document the passage belongs to ({@code kind:id})
 * @param startTime seconds into the meeting, null for artifacts
 * @param score reciprocal-rank-fusion score: higher is better, comparable within one answer only
 */
public record RagHit(String kind, String transcriptId, String artifactId, String ragDocumentId, String title,
        List<String> speakers, Double startTime, Double endTime, String text, double score) {
}
