package net.delonet.bloodbank.consume.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * Why a consumer gave up on a message: what the dead-letter headers and the {@code .failed} event say.
 * {@code eventId}, {@code eventType} and {@code payload} are null when the message was not a readable event;
 * {@code stage} is the {@code failed_stage} of the {@code .failed} event (the consumer's name unless it set one).
 */
public record Failure(
        String consumer,
        String stage,
        String eventId,
        String eventType,
        JsonNode payload,
        Throwable error,
        boolean retryable,
        int attempts,
        OffsetDateTime firstFailureAt,
        OffsetDateTime lastFailureAt,
        int redrives,
        String deadLetterQueue) {

    public String errorCode() {
        return Failures.errorCode(error);
    }

    public String errorMessage() {
        return Failures.message(error);
    }
}
