package net.delonet.bloodbank.consume.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.envelope.JsonBody;
import net.delonet.bloodbank.live.TopicPattern;

/** A checked {@code POST /replay} body: {@code consumer} and {@code since} required; until now, all events, by default. */
public record ReplayRequest(String consumer, String pattern, OffsetDateTime since, OffsetDateTime until, int limit) {

    static ReplayRequest read(byte[] body, int maxEvents) {
        JsonNode request = JsonBody.read(body);
        String consumer = request.path("consumer").asText(null);
        if (consumer == null || consumer.isBlank()) {
            throw ApiException.badRequest("consumer", "consumer is required: the consumer whose queue gets the events");
        }
        String pattern = request.path("pattern").asText("#");
        if (!TopicPattern.isValid(pattern)) {
            throw ApiException.badRequest("pattern", "pattern must be a binding pattern: dot-separated words, * or #");
        }
        OffsetDateTime since = time(request, "since");
        if (since == null) {
            throw ApiException.badRequest("since", "since is required (ISO-8601 with an offset)");
        }
        OffsetDateTime until = time(request, "until");
        until = until == null ? OffsetDateTime.now(ZoneOffset.UTC) : until;
        if (!until.isAfter(since)) {
            throw ApiException.badRequest("until", "until must be later than since");
        }
        int limit = request.path("limit").asInt(maxEvents);
        if (limit < 1) {
            throw ApiException.badRequest("limit", "limit must be at least 1");
        }
        return new ReplayRequest(consumer, pattern, since, until, Math.min(limit, maxEvents));
    }

    boolean covers(OffsetDateTime timestamp) {
        return timestamp != null && !timestamp.isBefore(since) && timestamp.isBefore(until);
    }

    private static OffsetDateTime time(JsonNode request, String field) {
        String value = request.path(field).asText(null);
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be ISO-8601 with an offset, e.g. 2025-10-18T12:00:00Z");
        }
    }
}
