package net.delonet.bloodbank.envelope;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** Who or what triggered an event. */
public record Source(@NotBlank String host, @NotNull TriggerType type, String app, Map<String, Object> meta) {
}
