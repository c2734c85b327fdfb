package net.delonet.bloodbank.rag;

import java.util.Locale;

/**
 * What passages come from: a meeting transcript or an artifact, by its id in its own system.
 *
 * @param kind transcript or artifact
 * @param id the Fireflies transcript id or the artifact id
 * @param title shown with every hit, may be null
 */
public record RagSource(Kind kind, String id, String title) {

    public enum Kind {
        TRANSCRIPT, ARTIFACT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RagSource {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(kind.label() + " id is required");
        }
    }

    public static RagSource transcript(String transcriptId, String title) {
        return new RagSource(Kind.TRANSCRIPT, transcriptId, title);
    }

    public static RagSource artifact(String artifactId, String title) {
        return new RagSource(Kind.ARTIFACT, artifactId, title);
    }

    /** The key all of this source's passages share: re-indexing replaces exactly them. */
    public String documentId() {
        return kind.label() + ":" + id;
    }
}
