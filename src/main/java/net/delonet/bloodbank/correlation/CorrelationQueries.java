package net.delonet.bloodbank.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.http.ApiException;
import org.apache.camel.Header;

/** Answers {@code GET /debug/correlation/{event_id}} and {@code .../chain} from the graph in Redis. */
public final class CorrelationQueries {

    private static final ObjectMapper JSON = EnvelopeJson.mapper();

    private final CorrelationStore store;
    private final CorrelationGraph graph;

    public CorrelationQueries(CorrelationStore store, int maxDepth) {
        this.store = store;
        this.graph = new CorrelationGraph(id -> parents(store.forward(id)), store::children, maxDepth);
    }

    public JsonNode debug(@Header("event_id") String eventId) {
        String id = canonical(eventId);
        String forward = store.forward(id);
        Set<String> children = store.children(id);
        requireKnown(id, forward, children);
        JsonNode record = read(forward);
        ObjectNode answer = JSON.createObjectNode().put("event_id", id);
        answer.putPOJO("parents", parents(record));
        answer.putPOJO("children", children.stream().sorted().toList());
        answer.putPOJO("ancestors", graph.ancestors(id));
        answer.putPOJO("descendants", graph.descendants(id));
        answer.set("metadata", record == null ? JSON.createObjectNode() : record.path("metadata"));
        return answer;
    }

    public JsonNode chain(@Header("event_id") String eventId, @Header("direction") String direction) {
        String dir = direction == null || direction.isBlank() ? "ancestors" : direction;
        if (!dir.equals("ancestors") && !dir.equals("descendants")) {
            throw ApiException.badRequest("direction", "direction must be ancestors or descendants");
        }
        String id = canonical(eventId);
        requireKnown(id, store.forward(id), store.children(id));
        List<String> chain = dir.equals("ancestors") ? graph.ancestors(id) : graph.descendants(id);
        ObjectNode answer = JSON.createObjectNode().put("event_id", id).put("direction", dir);
        answer.putPOJO("chain", chain);
        return answer.put("count", chain.size());
    }

    /**
     * {@code GET /debug/correlation/{event_id}/graph?limit=}: the event's ancestors and descendants as nodes, each with
     * its parents (the edges) and its forward record's type, source and time, for drawing. Ancestors come first;
     * beyond {@code limit} nodes (default 300, at most 2000) the furthest descendants are left out and
     * {@code truncated} says so.
     */
    public JsonNode lineage(@Header("event_id") String eventId, @Header("limit") String limit) {
        int max = limit(limit);
        String id = canonical(eventId);
        requireKnown(id, store.forward(id), store.children(id));
        Set<String> ids = new java.util.LinkedHashSet<>(graph.ancestors(id));
        ids.addAll(graph.descendants(id));
        List<String> kept = ids.stream().limit(max).toList();
        List<String> records = store.forwards(kept);
        ObjectNode answer = JSON.createObjectNode().put("event_id", id);
        var nodes = answer.putArray("nodes");
        for (int i = 0; i < kept.size(); i++) {
            JsonNode record = read(records.get(i));
            ObjectNode node = nodes.addObject().put("event_id", kept.get(i));
            JsonNode metadata = record == null ? JSON.createObjectNode() : record.path("metadata");
            node.put("event_type", metadata.path("event_type").asText(null))
                    .put("source_app", metadata.path("source_app").asText(null))
                    .put("created_at", record == null ? null : record.path("created_at").asText(null));
            node.putPOJO("parents", parents(record));
        }
        return answer.put("count", kept.size()).put("truncated", ids.size() > kept.size());
    }

    private static int limit(String limit) {
        try {
            int value = limit == null || limit.isBlank() ? 300 : Integer.parseInt(limit.trim());
            if (value >= 1 && value <= 2000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("limit", "limit must be an integer from 1 to 2000");
    }

    /** The id, canonical; 400 when it is no UUID. */
    private static String canonical(String eventId) {
        try {
            return UUID.fromString(eventId == null ? "" : eventId).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("event_id", "event_id must be a UUID");
        }
    }

    /** 404 when Redis knows neither the event's parents nor its children. */
    private static void requireKnown(String id, String forward, Set<String> children) {
        if (forward == null && children.isEmpty()) {
            throw ApiException.notFound("No correlation recorded for event " + id + " (unknown or expired)");
        }
    }

    private static List<String> parents(String recordJson) {
        return parents(read(recordJson));
    }

    private static List<String> parents(JsonNode record) {
        List<String> parents = new ArrayList<>();
        if (record != null) {
            record.path("parent_event_ids").forEach(p -> parents.add(p.asText()));
        }
        return parents;
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
