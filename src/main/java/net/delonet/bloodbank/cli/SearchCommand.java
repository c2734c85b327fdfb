package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.delonet.bloodbank.client.BloodbankClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bb search QUESTION}: passages of meeting transcripts that answer it ({@code GET /rag/search}). */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the transcripts (RAG index).")
final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "What to look for")
    List<String> words;

    @Option(names = "-k", defaultValue = "5", description = "How many passages (default: 5)")
    int k;

    @Option(names = "--transcript", paramLabel = "ID", description = "Only this transcript")
    String transcriptId;

    @Option(names = "--json", description = "Print the service's JSON answer")
    boolean json;

    @Override
    public Integer call() {
        String query = "/rag/search?q=" + BloodbankClient.encode(String.join(" ", words)) + "&k=" + k
                + (transcriptId == null ? "" : "&transcript_id=" + BloodbankClient.encode(transcriptId));
        JsonNode answer = Service.client().get(query);
        if (json) {
            Json.print(answer);
            return ExitCodes.OK;
        }
        for (JsonNode hit : Answers.list(answer)) {
            System.out.println(Answers.text(hit, "score") + "  " + heading(hit));
            System.out.println("    " + Answers.shorten(Answers.text(hit, "text"), 300));
        }
        return ExitCodes.OK;
    }

    /** An artifact by kind, id and title; a transcript passage by title, speakers and where it is in the meeting. */
    private static String heading(JsonNode hit) {
        if (hit.path("kind").asText().equals("artifact")) {
            return "artifact " + Answers.text(hit, "artifact_id") + "  " + Answers.text(hit, "title");
        }
        List<String> speakers = new ArrayList<>();
        hit.path("speakers").forEach(speaker -> speakers.add(speaker.asText()));
        String who = speakers.isEmpty() ? Answers.text(hit, "speaker") : String.join(", ", speakers);
        return Answers.text(hit, "title", "transcript_id") + "  " + who + "  " + Answers.text(hit, "start_time", "start") + "–"
                + Answers.text(hit, "end_time", "end");
    }
}
