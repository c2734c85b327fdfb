package net.delonet.bloodbank.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One envelope as one line for people: local time, type, id, parents, the start of the payload. */
final class EventLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private EventLine() {
    }

    static String of(String envelopeJson) {
        JsonNode event;
        try {
            event = JSON.readTree(envelopeJson);
        } catch (IOException e) {
            return "?  (not JSON)  " + Answers.shorten(envelopeJson, 100);
        }
        List<String> parents = new ArrayList<>();
        event.path("correlation_ids").forEach(p -> parents.add(p.asText()));
        return String.join("  ", time(event.path("timestamp").asText()), event.path("event_type").asText("?"),
                event.path("event_id").asText("?"), parents.isEmpty() ? "-" : "<- " + String.join(",", parents),
                Answers.shorten(event.path("payload").toString(), 100));
    }

    private static String time(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
        } catch (DateTimeParseException e) {
            return timestamp.isEmpty() ? "?" : timestamp;
        }
    }
}
