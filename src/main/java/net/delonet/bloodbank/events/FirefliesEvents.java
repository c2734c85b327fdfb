package net.delonet.bloodbank.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Payloads of the Fireflies chain: upload → completed → ready → processed, or failed at any stage. */
public final class FirefliesEvents {

    private FirefliesEvents() {
    }

    /**
     * {@code fireflies.transcript.upload}: a recording to transcribe. The original producers add {@code user_id} and
     * {@code created_at} (Python's naive UTC time, read as UTC).
     */
    public record Upload(
            @NotBlank String mediaFile,
            String mediaType,
            String title,
            @PositiveOrZero Long sizeBytes,
            @PositiveOrZero Double mediaDurationSeconds,
            String language,
            String userId,
            OffsetDateTime createdAt) {
    }

    /**
     * {@code fireflies.transcript.completed}: Fireflies' webhook announced a finished transcript; a consumer fetches
     * it (unless the call carried it, {@code transcript}) and publishes it as {@code fireflies.transcript.ready}.
     */
    public record Completed(
            @NotBlank String transcriptId,
            String clientReferenceId,
            JsonNode transcript) {
    }

    /** {@code fireflies.transcript.ready}: the finished transcript as Fireflies returns it. */
    public record Ready(
            @NotBlank String id,
            String title,
            OffsetDateTime date,
            @PositiveOrZero Double duration,
            String transcriptUrl,
            String audioUrl,
            String videoUrl,
            List<@Valid @NotNull Sentence> sentences,
            List<@Valid @NotNull Speaker> speakers,
            @Valid Summary summary,
            List<@Valid @NotNull Participant> participants,
            @Valid User user,
            String hostEmail,
            String organizerEmail) {
    }

    /** One spoken sentence, times in seconds from the start. */
    public record Sentence(Integer index, @NotNull String text, String rawText, String speakerName,
            String speakerId, @PositiveOrZero Double startTime, @PositiveOrZero Double endTime) {
    }

    /** A speaker: an object, or (as the original producers send speakers) just a name. */
    public record Speaker(String id, String name) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Speaker named(String name) {
            return new Speaker(null, name);
        }
    }

    public record Participant(String name, String email, String displayName) {
    }

    public record User(String userId, String email, String name) {
    }

    public record Summary(List<String> keywords, String actionItems, String overview, String outline,
            String shorthandBullet, String shortSummary) {
    }

    /** {@code fireflies.transcript.processed}: the transcript is searchable in the RAG index. */
    public record Processed(
            @NotBlank String transcriptId,
            @NotBlank String ragDocumentId,
            String title,
            OffsetDateTime ingestionTimestamp,
            @PositiveOrZero Integer sentenceCount,
            @PositiveOrZero Integer speakerCount,
            @PositiveOrZero Double durationMinutes,
            String vectorStore,
            @PositiveOrZero Integer chunkCount,
            String embeddingModel) {
    }

    /** {@code fireflies.transcript.failed}: a stage (upload, transcription, processing) gave up. */
    public record Failed(
            @NotBlank String failedStage,
            @NotBlank String errorMessage,
            String errorCode,
            @NotNull Boolean isRetryable,
            @PositiveOrZero Integer retryCount,
            Map<String, Object> metadata,
            String transcriptId,
            String mediaFile) implements FailurePayload {
    }
}
