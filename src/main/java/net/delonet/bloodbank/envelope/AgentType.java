package net.delonet.bloodbank.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of AI agent an {@code agent_context} can describe. */
public enum AgentType {
    CLAUDE_CODE("claude-code"), CLAUDE_CHAT("claude-chat"), GEMINI_CLI("gemini-cli"), GEMINI_CODE("gemini-code"),
    LETTA("letta"), AGNO("agno"), SMOLAGENT("smolagent"), ATOMIC_AGENT("atomic-agent"), CUSTOM("custom");

    private final String wire;

    AgentType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AgentType of(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(values()).map(AgentType::wire).collect(Collectors.joining(", "))));
    }
}
