package net.delonet.bloodbank.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.fireflies.FirefliesTranscripts;
import net.delonet.bloodbank.refusal.ApiException;
import org.apache.camel.Header;

/** {@code GET /rag/search?q=&k=&transcript_id=}: the query checked, the best passages as JSON. */
public final class RagSearchApi {

    static final int DEFAULT_K = 5;
    static final int MAX_K = 50;

    private final RagSearch search;

    public RagSearchApi(RagSearch search) {
        this.search = search;
    }

    public JsonNode search(@Header("q") String q, @Header("k") String k, @Header("transcript_id") String transcriptId)
            throws IOException {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "q (the question) is required");
        }
        int count = count(k);
        Optional<String> only = Optional.ofNullable(transcriptId).filter(id -> !id.isBlank());
        List<RagHit> hits = search.search(q, count, only);
        ObjectNode answer = EnvelopeJson.mapper().createObjectNode().put("query", q).put("count", hits.size());
        ArrayNode list = answer.putArray("hits");
        hits.forEach(hit -> list.add(json(hit)));
        return answer;
    }

    private static int count(String k) {
        if (k == null || k.isBlank()) {
            return DEFAULT_K;
        }
        try {
            int value = Integer.parseInt(k.trim());
            if (value >= 1 && value <= MAX_K) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw ApiException.badRequest("k", "k must be an integer from 1 to " + MAX_K);
    }

    private static ObjectNode json(RagHit hit) {
        ObjectNode one = EnvelopeJson.mapper().createObjectNode().put("kind", hit.kind());
        if (hit.transcriptId() != null) {
            one.put("transcript_id", hit.transcriptId());
            // The ready event Fireflies' webhook publishes for this transcript (its id comes from the transcript id):
            // where the transcript's chain (upload → ready → processed) can be opened.
            one.put("ready_event_id", EventIds.deterministic(FirefliesTranscripts.READY,
                    Map.of("transcript_id", hit.transcriptId())).toString());
        }
        if (hit.artifactId() != null) {
            one.put("artifact_id", hit.artifactId());
        }
        one.put("title", hit.title());
        one.set("speakers", EnvelopeJson.mapper().valueToTree(hit.speakers() == null ? List.of() : hit.speakers()));
        one.put("start_time", hit.startTime()).put("end_time", hit.endTime()).put("text", hit.text());
        return one.put("score", hit.score());
    }
}
