package net.delonet.bloodbank.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.client.BloodbankClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bb tail [PATTERN]}: live events from {@code GET /events/stream}, one line each, until Ctrl-C. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print events as they are published, one line each: time, type, id, parents, short payload.",
                "PATTERN is a routing pattern: * matches one word, # any number (default: #)."})
final class TailCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATTERN", arity = "0..1", defaultValue = "#", description = "Routing pattern (default: #)")
    String pattern;

    @Option(names = "--json", description = "Print each envelope as one line of JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        BloodbankClient client = Service.client();
        try (BufferedReader events = new BufferedReader(new InputStreamReader(
                client.stream("/events/stream?pattern=" + BloodbankClient.encode(pattern)), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = events.readLine()) != null) {
                if (line.startsWith(": listening")) {
                    String queue = line.contains("(queue ") ? line.substring(line.indexOf("(queue ") + 7, line.length() - 1) : "?";
                    System.err.println("bb: listening for " + pattern + " on " + client.baseUrl() + " (queue " + queue
                            + "; Ctrl-C to stop)");
                } else if (line.startsWith(": warning: ")) {
                    System.err.println("bb: warning: " + line.substring(11));
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(line.startsWith("data: ") ? 6 : 5));
                } else if (line.isEmpty() && data.length() > 0) {
                    System.out.println(json ? data : EventLine.of(data.toString()));
                    data.setLength(0);
                }
            }
        } catch (IOException e) {
            System.err.println("bb: the event stream broke: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        System.err.println("bb: the service closed the event stream");
        return ExitCodes.UNREACHABLE;
    }
}
