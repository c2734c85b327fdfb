package net.delonet.bloodbank.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;

/** A failure of any stage that has no payload type of its own (e.g. {@code github.pr.failed}). */
public record GenericFailure(
        @NotBlank String failedStage,
        @NotBlank String errorMessage,
        String errorCode,
        @NotNull Boolean isRetryable,
        @PositiveOrZero Integer retryCount,
        Map<String, Object> metadata) implements FailurePayload {
}
