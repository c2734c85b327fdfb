package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.client.EventRequests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bb publish}: one event through {@code POST /events}; prints its id once the broker confirmed it. */
@Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish an event; prints its event id.")
final class PublishCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TYPE", description = "Event type, e.g. llm.prompt")
    String eventType;

    @Option(names = "--payload", paramLabel = "JSON|@FILE|-", defaultValue = "{}",
            description = "The payload: JSON text, @file to read it from a file, - for stdin (default: {})")
    String payload;

    @Option(names = "--parent", paramLabel = "ID", description = "A parent event id (repeatable, order kept)")
    List<String> parents = new ArrayList<>();

    @Option(names = "--key", paramLabel = "K=V", description = "Idempotency key pair (repeatable): same pairs, same id")
    Map<String, String> key = new LinkedHashMap<>();

    @Option(names = "--source-app", paramLabel = "APP", defaultValue = "bb", description = "source.app (default: bb)")
    String sourceApp;

    @Option(names = "--agent-type", paramLabel = "T", description = "agent_context.type: claude-code, gemini-cli, …, custom")
    String agentType;

    @Option(names = "--agent-name", paramLabel = "N", description = "agent_context.name")
    String agentName;

    @Override
    public Integer call() {
        if (agentType == null && agentName != null) {
            throw new Failures.BadInput("--agent-name needs --agent-type");
        }
        JsonNode body = Payloads.read(payload, "--payload");
        ObjectNode request = EventRequests.envelope(eventType, body, parents, key);
        request.set("source", EventRequests.source(agentType == null ? "manual" : "agent", sourceApp));
        if (agentType != null) {
            request.set("agent_context", EventRequests.agentContext(agentType, agentName));
        }
        return send(request);
    }

    /** Publishes {@code request} and prints its event id (and a warning when no queue took it). */
    static int send(ObjectNode request) {
        JsonNode answer = Service.client().post("/events", request);
        System.out.println(answer.path("event_id").asText());
        if (!answer.path("routed").asBoolean(true)) {
            System.err.println("bb: warning: no queue is bound for " + request.path("event_type").asText()
                    + ": the broker kept no copy");
        }
        return ExitCodes.OK;
    }
}
