package net.delonet.bloodbank.envelope;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/** What an AI agent had in mind when it published an event. */
public record AgentContext(
        @NotNull AgentType type,
        String name,
        String systemPrompt,
        String instanceId,
        List<String> mcpServers,
        List<String> fileReferences,
        List<String> urlReferences,
        @Valid CodeState codeState,
        String checkpointId,
        Map<String, Object> meta) {
}
