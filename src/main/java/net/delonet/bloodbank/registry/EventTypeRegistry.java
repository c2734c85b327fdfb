package net.delonet.bloodbank.registry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.delonet.bloodbank.events.AgentEvents;
import net.delonet.bloodbank.events.ArtifactEvents;
import net.delonet.bloodbank.events.FirefliesEvents;
import net.delonet.bloodbank.events.GithubEvents;
import net.delonet.bloodbank.events.LlmEvents;

/** The event types Bloodbank knows, as data: routing key → payload record. */
public final class EventTypeRegistry {

    /** {@code namespace.entity.action}: lowercase segments of [a-z0-9_-], at least two, no wildcards. */
    public static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)+");

    private static final List<EventType> SEED = List.of(
            new EventType("fireflies.transcript.upload", FirefliesEvents.Upload.class, "A recording to transcribe"),
            new EventType("fireflies.transcript.completed", FirefliesEvents.Completed.class, "Fireflies announced a finished transcript"),
            new EventType("fireflies.transcript.ready", FirefliesEvents.Ready.class, "Fireflies finished a transcript"),
            new EventType("fireflies.transcript.processed", FirefliesEvents.Processed.class, "A transcript is searchable in the RAG index"),
            new EventType("fireflies.transcript.failed", FirefliesEvents.Failed.class, "A stage of the Fireflies chain gave up"),
            new EventType("agent.thread.prompt", AgentEvents.ThreadPrompt.class, "An agent was prompted"),
            new EventType("agent.thread.response", AgentEvents.ThreadResponse.class, "An agent answered a prompt"),
            new EventType("agent.thread.error", AgentEvents.ThreadError.class, "An agent thread failed"),
            new EventType("llm.prompt", LlmEvents.Prompt.class, "An LLM call started"),
            new EventType("llm.response", LlmEvents.Response.class, "An LLM call answered"),
            new EventType("llm.error", LlmEvents.Error.class, "An LLM call failed"),
            new EventType("artifact.created", ArtifactEvents.Artifact.class, "An artifact was created"),
            new EventType("artifact.updated", ArtifactEvents.Artifact.class, "An artifact was modified"),
            new EventType("artifact.deleted", ArtifactEvents.Artifact.class, "An artifact was removed"),
            new EventType("artifact.ingestion.failed", ArtifactEvents.IngestionFailed.class, "Indexing an artifact failed"),
            new EventType("github.pr.created", GithubEvents.PrCreated.class, "A pull request was opened"));

    private final Map<String, EventType> types = new LinkedHashMap<>();

    public EventTypeRegistry() {
        SEED.forEach(this::register);
    }

    public void register(EventType type) {
        if (!EVENT_TYPE.matcher(type.name()).matches()) {
            throw new IllegalArgumentException("Not a valid event type: " + type.name());
        }
        types.put(type.name(), type);
    }

    public Optional<EventType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Collection<EventType> all() {
        return types.values();
    }

    public List<String> names() {
        return List.copyOf(types.keySet());
    }
}
