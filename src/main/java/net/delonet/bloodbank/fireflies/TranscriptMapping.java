package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import net.delonet.bloodbank.events.FirefliesEvents;

/**
 * A Fireflies transcript (GraphQL answer, webhook {@code data}) as the {@code fireflies.transcript.ready} payload.
 * Pure. Tolerates what Fireflies varies: {@code date} in epoch milliseconds or ISO-8601, times as numbers or
 * strings, keywords and action items as a string or a list; participants merge attendees and bare emails.
 */
public final class TranscriptMapping {

    private TranscriptMapping() {
    }

    public static FirefliesEvents.Ready ready(JsonNode t) {
        return new FirefliesEvents.Ready(text(t, "id"), text(t, "title"), date(t.path("date")), number(t.path("duration")),
                text(t, "transcript_url"), text(t, "audio_url"), text(t, "video_url"),
                items(t, "sentences").stream().map(TranscriptMapping::sentence).toList(),
                items(t, "speakers").stream().map(s -> new FirefliesEvents.Speaker(text(s, "id"), text(s, "name"))).toList(),
                t.path("summary").isObject() ? summary(t.path("summary")) : null,
                participants(t), t.path("user").isObject() ? new FirefliesEvents.User(text(t.path("user"), "user_id"),
                        text(t.path("user"), "email"), text(t.path("user"), "name")) : null,
                text(t, "host_email"), text(t, "organizer_email"));
    }

    private static FirefliesEvents.Sentence sentence(JsonNode s) {
        return new FirefliesEvents.Sentence(s.path("index").isNull() || s.path("index").isMissingNode() ? null : s.path("index").asInt(),
                s.path("text").asText(s.path("raw_text").asText("")), text(s, "raw_text"), text(s, "speaker_name"),
                text(s, "speaker_id"), number(s.path("start_time")), number(s.path("end_time")));
    }

    private static FirefliesEvents.Summary summary(JsonNode s) {
        JsonNode keywords = s.path("keywords");
        List<String> keywordList = keywords.isArray() ? strings(keywords)
                : keywords.isTextual() ? List.of(keywords.asText().split("\\s*,\\s*")) : null;
        JsonNode actions = s.path("action_items");
        String actionItems = actions.isArray() ? String.join("\n", strings(actions)) : text(s, "action_items");
        return new FirefliesEvents.Summary(keywordList, actionItems, text(s, "overview"), text(s, "outline"),
                text(s, "shorthand_bullet"), text(s, "short_summary"));
    }

    private static List<FirefliesEvents.Participant> participants(JsonNode t) {
        Map<String, FirefliesEvents.Participant> byEmail = new LinkedHashMap<>();
        List<FirefliesEvents.Participant> unnamed = new ArrayList<>();
        for (JsonNode a : items(t, "meeting_attendees")) {
            FirefliesEvents.Participant p = new FirefliesEvents.Participant(text(a, "name"), text(a, "email"), text(a, "displayName"));
            if (p.email() == null) {
                unnamed.add(p);
            } else {
                byEmail.putIfAbsent(p.email(), p);
            }
        }
        for (String email : strings(t.path("participants"))) {
            for (String one : email.split("\\s*,\\s*")) {
                byEmail.putIfAbsent(one, new FirefliesEvents.Participant(null, one, null));
            }
        }
        List<FirefliesEvents.Participant> all = new ArrayList<>(byEmail.values());
        all.addAll(unnamed);
        return all;
    }

    static OffsetDateTime date(JsonNode date) {
        if (date.isNumber() || date.isTextual() && date.asText().matches("\\d+(\\.\\d+)?")) {
            return Instant.ofEpochMilli((long) date.asDouble()).atOffset(ZoneOffset.UTC);
        }
        try {
            return date.isTextual() ? OffsetDateTime.parse(date.asText()) : null;
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Double number(JsonNode n) {
        return n.isNumber() || n.isTextual() && !n.asText().isBlank() ? n.asDouble() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static List<JsonNode> items(JsonNode node, String field) {
        return node.path(field).isArray() ? StreamSupport.stream(node.path(field).spliterator(), false)
                .filter(JsonNode::isObject).toList() : List.of();
    }

    private static List<String> strings(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).filter(JsonNode::isTextual)
                .map(JsonNode::asText).toList() : List.of();
    }
}
