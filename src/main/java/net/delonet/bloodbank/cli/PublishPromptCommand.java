package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.client.EventRequests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bb publish-prompt}: the Python bb's command, kept for its users: an {@code llm.prompt} event; prints its id. */
@Command(name = "publish-prompt", mixinStandardHelpOptions = true,
        description = {"Publish an llm.prompt event (as the Python bb did); prints its event id.",
                "e.g. bb publish-prompt --provider claude --model sonnet-4 \"Write me a haiku\""})
final class PublishPromptCommand implements Callable<Integer> {

    @Option(names = "--provider", required = true, paramLabel = "P", description = "Who is prompted, e.g. claude")
    String provider;

    @Option(names = "--model", paramLabel = "M", description = "The model, e.g. sonnet-4")
    String model;

    @Option(names = "--thread-id", paramLabel = "ID", description = "The conversation this prompt belongs to")
    String threadId;

    @Option(names = "--parent", paramLabel = "ID", description = "A parent event id (repeatable, order kept)")
    List<String> parents = new ArrayList<>();

    @Parameters(paramLabel = "PROMPT", arity = "1..*", description = "The prompt (its words are joined); - reads stdin")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        String prompt = words.equals(List.of("-")) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : String.join(" ", words);
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("provider", provider).put("prompt", prompt);
        if (model != null) {
            payload.put("model", model);
        }
        if (threadId != null) {
            payload.put("thread_id", threadId);
        }
        ObjectNode request = EventRequests.envelope("llm.prompt", payload, parents, Map.of());
        request.set("source", EventRequests.source("manual", "bb-cli"));
        return PublishCommand.send(request);
    }
}
