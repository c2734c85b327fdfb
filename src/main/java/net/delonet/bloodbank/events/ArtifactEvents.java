package net.delonet.bloodbank.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.events.Shapes.Shape;

/** Payloads about artifacts agents produce: documents, code, notes ({@code artifact.*}). */
public final class ArtifactEvents {

    private ArtifactEvents() {
    }

    /**
     * {@code artifact.created}, {@code artifact.updated} and {@code artifact.deleted}; {@code content} is indexed
     * when present. The original producers (its file watcher, n8n) send {@code action, kind, uri} and no id: the
     * artifact is then known by its {@code uri}.
     */
    @Shapes({@Shape(title = "Artifact", required = "artifact_id"),
            @Shape(title = "Original producers' artifact", required = {"action", "kind", "uri"})})
    public record Artifact(String artifactId, String kind, String title, String uri, String content,
            String contentType, @PositiveOrZero Long sizeBytes, List<String> tags,
            @JsonProperty(defaultValue = "{}") Map<String, Object> metadata, Action action, String reason) {

        public Artifact {
            artifactId = artifactId == null || artifactId.isBlank() ? uri : artifactId;
            metadata = metadata == null ? Map.of() : metadata;
        }
    }

    /** What happened to the artifact, as the original producers say it. */
    public enum Action {
        CREATED, UPDATED, DELETED;

        @JsonValue
        public String wire() {
            return WireEnums.wire(this);
        }

        @JsonCreator
        public static Action of(String value) {
            return WireEnums.of(values(), value);
        }
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
