package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bb replay}: re-delivers archived events to one consumer ({@code POST /replay}). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-deliver archived events matching a pattern and time window to a consumer's queue"
                + " (original ids kept, so the consumer's dedupe decides).")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--consumer", required = true, paramLabel = "NAME", description = "The consumer to replay to")
    String consumer;

    @Option(names = "--pattern", defaultValue = "#", paramLabel = "P", description = "Routing pattern (default: #)")
    String pattern;

    @Option(names = "--since", required = true, paramLabel = "TIME", description = "ISO-8601 start, e.g. 2025-10-18T12:00:00Z")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "ISO-8601 end (default: now)")
    String until;

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("pattern", pattern).put("since", since).put("consumer", consumer);
        if (until != null) {
            body.put("until", until);
        }
        JsonNode answer = Service.client().post("/replay", body);
        // The service replays only what the consumer is bound to; it counts the rest of the matches as skipped.
        String skipped = Answers.text(answer, "skipped");
        System.out.println("replayed: " + Answers.text(answer, "replayed", "count") + " to " + consumer
                + (skipped.equals("-") || skipped.equals("0") ? "" : " (skipped " + skipped + " it is not bound to)"));
        answer.path("warnings").forEach(warning -> System.err.println("bb: warning: " + warning.asText()));
        return ExitCodes.OK;
    }
}
