package net.delonet.bloodbank.client;

import java.util.Arrays;
import java.util.Locale;
import net.delonet.bloodbank.envelope.AgentType;

/** Which known agent type a client or provider name stands for ({@code claude-code}, …), else {@code custom}. */
public final class AgentIdentity {

    private AgentIdentity() {
    }

    /** An MCP client's name ({@code clientInfo.name}): Claude Desktop calls itself "claude-ai", a chat. */
    public static String typeOf(String name) {
        return guess(name, AgentType.CLAUDE_CHAT);
    }

    /** A command's name: the {@code claude} command is Claude Code. */
    public static String typeOfCommand(String name) {
        return guess(name, AgentType.CLAUDE_CODE);
    }

    private static String guess(String name, AgentType bareClaude) {
        if (name == null || name.isBlank()) {
            return AgentType.CUSTOM.wire();
        }
        String normalized = name.toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        return Arrays.stream(AgentType.values()).filter(t -> t != AgentType.CUSTOM)
                .filter(t -> normalized.contains(t.wire()) || normalized.contains(t.wire().replace("-", "")))
                .map(AgentType::wire).findFirst()
                // A bare "gemini" is the CLI.
                .orElse(normalized.contains("claude") ? bareClaude.wire()
                        : normalized.contains("gemini") ? AgentType.GEMINI_CLI.wire() : AgentType.CUSTOM.wire());
    }
}
