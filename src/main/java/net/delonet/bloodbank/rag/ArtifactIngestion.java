package net.delonet.bloodbank.rag;

/** What indexing one artifact's content did; {@code chunkCount} 0 means it has no text and was removed. */
public record ArtifactIngestion(String artifactId, String ragDocumentId, int chunkCount) {
}
