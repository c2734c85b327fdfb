package net.delonet.bloodbank.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;

/** Payloads about artifacts agents produce: documents, code, notes ({@code artifact.*}). */
public final class ArtifactEvents {

    private ArtifactEvents() {
    }

    /** {@code artifact.created} and {@code artifact.updated}; {@code content} is indexed when present. */
    public record Artifact(@NotBlank String artifactId, String kind, String title, String uri, String content,
            String contentType, @PositiveOrZero Long sizeBytes, List<String> tags, Map<String, Object> metadata) {
    }

    /** {@code artifact.deleted}. */
    public record Deleted(@NotBlank String artifactId, String reason) {
    }

    /** {@code artifact.ingestion.failed}. */
    public record IngestionFailed(
            @NotBlank String failedStage,
            @NotBlank String errorMessage,
            String errorCode,
            @NotNull Boolean isRetryable,
            @PositiveOrZero Integer retryCount,
            Map<String, Object> metadata,
            String artifactId) implements FailurePayload {
    }
}
