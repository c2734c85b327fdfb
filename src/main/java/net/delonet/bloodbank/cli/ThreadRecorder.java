package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.client.AgentIdentity;
import net.delonet.bloodbank.client.BloodbankClient;
import net.delonet.bloodbank.client.EventRequests;
import net.delonet.bloodbank.client.ServiceError;
import net.delonet.bloodbank.client.ServiceUnreachable;

/**
 * Publishes a wrapped run's thread events. Never fails the run: the first problem is one warning line on stderr,
 * and once the prompt could not be recorded nothing more is tried (a response without its prompt would be orphaned).
 */
final class ThreadRecorder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final BloodbankClient client;
    private final String provider;
    private final String model;
    private final String threadId;
    private boolean warned;

    ThreadRecorder(BloodbankClient client, String provider, String model, String threadId) {
        this.client = client;
        this.provider = provider;
        this.model = model;
        this.threadId = threadId;
    }

    /** Publishes {@code agent.thread.prompt}; its event id, or null when it could not be recorded. */
    String prompt(String prompt, List<String> command) {
        ObjectNode payload = common().put("prompt", prompt).put("working_directory", Path.of("").toAbsolutePath().toString());
        command.forEach(payload.putArray("command")::add);
        return publish("agent.thread.prompt", payload, null);
    }

    void response(String promptId, String output, boolean truncated, long durationMs, int exitCode) {
        ObjectNode payload = common().put("response", output).put("duration_ms", durationMs).put("exit_code", exitCode);
        if (truncated) {
            payload.put("response_truncated", true);
        }
        publish("agent.thread.response", payload, promptId);
    }

    void failed(String promptId, String message) {
        ObjectNode payload = common().put("failed_stage", "start").put("error_message", message).put("is_retryable", false);
        publish("agent.thread.error", payload, promptId);
    }

    private ObjectNode common() {
        ObjectNode payload = JSON.objectNode().put("provider", provider);
        if (model != null) {
            payload.put("model", model);
        }
        if (threadId != null) {
            payload.put("thread_id", threadId);
        }
        return payload;
    }

    private String publish(String eventType, ObjectNode payload, String parent) {
        if (warned) {
            return null;
        }
        ObjectNode request = EventRequests.envelope(eventType, payload, parent == null ? List.of() : List.of(parent), Map.of());
        request.set("source", EventRequests.source("agent", "bb-wrap"));
        request.set("agent_context", EventRequests.agentContext(AgentIdentity.typeOfCommand(provider), provider));
        try {
            return client.post("/events", request).path("event_id").asText(null);
        } catch (ServiceUnreachable | ServiceError e) {
            warned = true;
            String why = e instanceof ServiceError refused ? refused.describe() : e.getMessage();
            System.err.println("bb: warning: " + eventType + " not recorded: " + why);
            return null;
        }
    }
}
