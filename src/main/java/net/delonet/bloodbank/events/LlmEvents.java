package net.delonet.bloodbank.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;

/** Payloads of single LLM calls ({@code llm.*}). */
public final class LlmEvents {

    private LlmEvents() {
    }

    /** {@code llm.prompt}. */
    public record Prompt(@NotBlank String provider, String model, @NotBlank String prompt, Double temperature,
            @PositiveOrZero Integer maxTokens, String threadId) {
    }

    /** {@code llm.response}. */
    public record Response(@NotBlank String provider, String model, @NotNull String response,
            @PositiveOrZero Integer tokensUsed, @PositiveOrZero Long durationMs, String finishReason,
            String threadId) {
    }

    /** {@code llm.error}. */
    public record Error(
            @NotBlank String failedStage,
            @NotBlank String errorMessage,
            String errorCode,
            @NotNull Boolean isRetryable,
            @PositiveOrZero Integer retryCount,
            Map<String, Object> metadata,
            String provider,
            String model) implements FailurePayload {
    }
}
