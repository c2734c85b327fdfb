package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.client.BloodbankClient;
import net.delonet.bloodbank.client.ServiceError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bb chain ID}: the causation around an event as an indented tree, one {@code /debug/correlation} call per
 * event: its parents (what led to it) by default, its children (what it caused) with {@code --descendants}, a page
 * of children per event ({@code --limit}; {@code --cursor} shows the event's next page).
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Show what led to an event (its parents, recursively) or, with --descendants, what it caused.")
final class ChainCommand implements Callable<Integer> {

    /** Far beyond any real chain; stops a runaway walk of a huge graph. */
    private static final int MAX_EVENTS = 1000;

    @Parameters(paramLabel = "ID", description = "An event id")
    String eventId;

    @Option(names = "--descendants", description = "Walk down to what the event caused instead of up to its causes")
    boolean descendants;

    @Option(names = "--limit", description = "Children shown per event at most (a page; default: the service's page size)")
    Integer limit;

    @Option(names = "--cursor", description = "Show the event's next page of children: the cursor a previous run printed")
    String cursor;

    private final Set<String> shown = new HashSet<>();
    private BloodbankClient client;

    @Override
    public Integer call() {
        client = Service.client();
        JsonNode root = client.get("/debug/correlation/" + BloodbankClient.encode(eventId) + page(cursor));
        print(root.path("event_id").asText(eventId), root, 0);
        return ExitCodes.OK;
    }

    private void print(String id, JsonNode node, int depth) {
        String indent = "  ".repeat(depth) + (depth == 0 ? "" : descendants ? "└─ " : "└─ caused by ");
        if (node == null) {
            System.out.println(indent + id + "  (not recorded: from elsewhere or expired)");
            return;
        }
        String type = node.path("metadata").path("event_type").asText("?");
        if (!shown.add(id)) {
            System.out.println(indent + id + "  " + type + "  (shown above)");
            return;
        }
        System.out.println(indent + id + "  " + type);
        if (shown.size() >= MAX_EVENTS) {
            return;
        }
        for (JsonNode next : node.path(descendants ? "children" : "parents")) {
            print(next.asText(), node(next.asText()), depth + 1);
        }
        if (descendants && node.path("next_cursor").isTextual()) {
            System.out.println("  ".repeat(depth + 1) + "└─ … " + node.path("children_count").asInt() + " children in all; next page: bb chain "
                    + id + " --descendants" + (limit == null ? "" : " --limit " + limit) + " --cursor " + node.path("next_cursor").asText());
        }
    }

    /** The query asking for one page of children from {@code from} (null: the first). */
    private String page(String from) {
        String query = (limit == null ? "" : "&limit=" + limit) + (from == null ? "" : "&cursor=" + BloodbankClient.encode(from));
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }

    private JsonNode node(String id) {
        try {
            return client.get("/debug/correlation/" + id + page(null));
        } catch (ServiceError e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }
}
