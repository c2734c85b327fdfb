package net.delonet.bloodbank.events;

import java.util.Map;

/** The fields every error payload shares (DESIGN.md, "Event types"). */
public interface FailurePayload {
    String failedStage();

    String errorMessage();

    String errorCode();

    Boolean isRetryable();

    Integer retryCount();

    Map<String, Object> metadata();
}
