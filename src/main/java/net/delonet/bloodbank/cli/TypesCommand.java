package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.client.BloodbankClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bb types [TYPE]}: the registered event types, or one type's payload schema. */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "List the registered event types, or show the JSON Schema of one type's payload.")
final class TypesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TYPE", arity = "0..1", description = "An event type to show")
    String eventType;

    @Option(names = "--json", description = "Print the service's JSON answer")
    boolean json;

    @Override
    public Integer call() {
        BloodbankClient client = Service.client();
        if (eventType != null) {
            JsonNode type = client.get("/events/types/" + BloodbankClient.encode(eventType));
            if (!json) {
                System.out.println(type.path("event_type").asText() + " — " + type.path("description").asText());
            }
            Json.print(json ? type : type.path("schema"));
            return ExitCodes.OK;
        }
        JsonNode all = client.get("/events/types");
        if (json) {
            Json.print(all);
            return ExitCodes.OK;
        }
        int width = 0;
        for (JsonNode type : all.path("event_types")) {
            width = Math.max(width, type.path("event_type").asText().length());
        }
        for (JsonNode type : all.path("event_types")) {
            System.out.printf("%-" + width + "s  %s%n", type.path("event_type").asText(), type.path("description").asText());
        }
        return ExitCodes.OK;
    }
}
