package net.delonet.bloodbank.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;

/** Payloads of an agent's conversation thread ({@code agent.thread.*}). */
public final class AgentEvents {

    private AgentEvents() {
    }

    /** {@code agent.thread.prompt}: what the agent was asked. */
    public record ThreadPrompt(String provider, String model, @NotBlank String prompt, String threadId,
            String workingDirectory, List<String> command) {
    }

    /** {@code agent.thread.response}: what it answered, how long it took and how it exited. */
    public record ThreadResponse(String provider, String model, @NotNull String response,
            @PositiveOrZero Long durationMs, Integer exitCode, String threadId) {
    }

    /** {@code agent.thread.error}. */
    public record ThreadError(
            @NotBlank String failedStage,
            @NotBlank String errorMessage,
            String errorCode,
            @NotNull Boolean isRetryable,
            @PositiveOrZero Integer retryCount,
            Map<String, Object> metadata,
            String provider,
            String threadId) implements FailurePayload {
    }
}
