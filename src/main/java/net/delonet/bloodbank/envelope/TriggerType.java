package net.delonet.bloodbank.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How an event was triggered ({@code source.type}). */
public enum TriggerType {
    MANUAL("manual"), AGENT("agent"), SCHEDULED("scheduled"), FILE_WATCH("file_watch"), HOOK("hook");

    private final String wire;

    TriggerType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TriggerType of(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of manual, agent, scheduled, file_watch, hook"));
    }
}
