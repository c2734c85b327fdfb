package net.delonet.bloodbank.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.refusal.Parameters;
import org.apache.camel.Header;

/** Answers {@code GET /debug/correlation/{event_id}} and {@code .../chain} from the graph in Redis. */
public final class CorrelationQueries {

    private static final ObjectMapper JSON = EnvelopeJson.mapper();

    private final CorrelationStore store;
    private final CorrelationGraph graph;
    private final int pageSize;

    public CorrelationQueries(CorrelationStore store, int maxDepth, int pageSize) {
        this.store = store;
        this.pageSize = pageSize;
        this.graph = new CorrelationGraph(id -> parents(store.forward(id)), store::children, maxDepth);
    }

    /** The record around an event; children and descendants paged alike by {@code limit} and {@code cursor}. */
    public JsonNode debug(@Header("event_id") String eventId, @Header("limit") String limit, @Header("cursor") String cursor) {
        Page page = Page.of(limit, cursor, pageSize);
        String id = canonical(eventId);
        String forward = store.forward(id);
        Set<String> children = store.children(id);
        requireKnown(id, forward, children);
        JsonNode record = read(forward);
        List<String> sorted = children.stream().sorted().toList();
        List<String> descendants = graph.descendants(id, page.end() + 1);
        ObjectNode answer = JSON.createObjectNode().put("event_id", id);
        answer.putPOJO("parents", parents(record));
        answer.putPOJO("children", page.of(sorted));
        answer.put("children_count", sorted.size());
        answer.putPOJO("ancestors", graph.ancestors(id));
        answer.putPOJO("descendants", page.of(descendants));
        answer.set("metadata", record == null ? JSON.createObjectNode() : record.path("metadata"));
        return answer.put("next_cursor", page.next(Math.max(sorted.size(), descendants.size())));
    }

    public JsonNode chain(@Header("event_id") String eventId, @Header("direction") String direction,
            @Header("limit") String limit, @Header("cursor") String cursor) {
        String dir = direction == null || direction.isBlank() ? "ancestors" : direction;
        if (!dir.equals("ancestors") && !dir.equals("descendants")) {
            throw ApiException.badRequest("direction", "direction must be ancestors or descendants");
        }
        Page page = Page.of(limit, cursor, pageSize);
        String id = canonical(eventId);
        requireKnown(id, store.forward(id), store.children(id));
        List<String> chain = dir.equals("ancestors") ? graph.ancestors(id) : graph.descendants(id, page.end() + 1);
        List<String> shown = page.of(chain);
        ObjectNode answer = JSON.createObjectNode().put("event_id", id).put("direction", dir);
        answer.putPOJO("chain", shown);
        return answer.put("count", shown.size()).put("next_cursor", page.next(chain.size()));
    }

    /**
     * {@code GET /debug/correlation/{event_id}/graph?limit=}: the event's ancestors and descendants as nodes, each with
     * its parents (the edges) and its forward record's type, source and time, for drawing. Ancestors come first;
     * beyond {@code limit} nodes (default 300, at most 2000) the furthest descendants are left out and
     * {@code truncated} says so.
     */
    public JsonNode lineage(@Header("event_id") String eventId, @Header("limit") String limit) {
        int max = Parameters.integer(limit, "limit", 1, 2000, 300, "limit must be an integer from 1 to 2000");
        String id = canonical(eventId);
        requireKnown(id, store.forward(id), store.children(id));
        Set<String> ids = new java.util.LinkedHashSet<>(graph.ancestors(id));
        ids.addAll(graph.descendants(id, max + 1)); // one more than kept: truncated tells
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
            throw ApiException.notFound("event_id", "No correlation recorded for event " + id + " (unknown or expired)");
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
