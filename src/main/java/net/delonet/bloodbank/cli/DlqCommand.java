package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.client.BloodbankClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bb dlq ls|show|redrive}: the consumers' dead-letter queues over {@code /dlq}. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Inspect and redrive dead letters.",
        subcommands = {DlqCommand.Ls.class, DlqCommand.Show.class, DlqCommand.Redrive.class})
final class DlqCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: ls, show or redrive");
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "Dead-letter queues and how many messages each holds.")
    static final class Ls implements Callable<Integer> {
        @Option(names = "--json", description = "Print the service's JSON answer") boolean json;

        @Override
        public Integer call() {
            JsonNode answer = Service.client().get("/dlq");
            if (json) {
                Json.print(answer);
            } else {
                Answers.list(answer).forEach(q -> System.out.println(
                        Answers.text(q, "name", "consumer", "queue") + "  " + Answers.text(q, "depth", "messages", "count")));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The dead letters of one consumer: id, type, attempts, error.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The consumer (or its DLQ) name") String name;
        @Option(names = "--limit", defaultValue = "50", description = "How many (default: 50)") int limit;
        @Option(names = "--offset", defaultValue = "0", description = "How many to skip") int offset;
        @Option(names = "--json", description = "Print the service's JSON answer") boolean json;

        @Override
        public Integer call() {
            JsonNode answer = Service.client().get("/dlq/" + BloodbankClient.encode(name) + "?limit=" + limit + "&offset=" + offset);
            if (json) {
                Json.print(answer);
            } else {
                Answers.list(answer).forEach(m -> System.out.println(String.join("  ", Answers.text(m, "event_id", "message_id"),
                        Answers.text(m, "event_type", "routing_key"), "attempts=" + Answers.text(m, "attempts", "retry_count"),
                        Answers.shorten(Answers.text(m, "error", "error_message", "exception_message"), 120))));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Put dead letters back on the consumer's queue: all of them, or those given with --event-id.")
    static final class Redrive implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The consumer (or its DLQ) name") String name;
        @Option(names = "--event-id", paramLabel = "ID", description = "Only this event (repeatable)") List<String> eventIds = new ArrayList<>();

        @Override
        public Integer call() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (!eventIds.isEmpty()) {
                eventIds.forEach(body.putArray("event_ids")::add);
            }
            JsonNode answer = Service.client().post("/dlq/" + BloodbankClient.encode(name) + "/redrive", body);
            System.out.println("redriven: " + Answers.text(answer, "redriven", "count", "moved"));
            return ExitCodes.OK;
        }
    }
}
