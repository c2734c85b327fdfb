package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import net.delonet.bloodbank.envelope.EnvelopeRequests;
import net.delonet.bloodbank.envelope.EventEnvelope;
import net.delonet.bloodbank.events.FirefliesEvents;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transcript consumer's handler, for {@code fireflies.transcript.completed}: the transcript (carried by the
 * webhook call, else fetched from Fireflies' GraphQL API) as the envelope request of {@code fireflies.transcript.ready},
 * for the route to publish. Same parents as the announcement (the upload event), id derived from the transcript id,
 * as before the fetch left the webhook call. Retries and dead letters are the consumer template's.
 */
public final class FirefliesTranscripts {

    public static final String READY = "fireflies.transcript.ready";
    private static final Logger LOG = LoggerFactory.getLogger(FirefliesTranscripts.class);

    private final FirefliesApi api;

    public FirefliesTranscripts(FirefliesApi api) {
        this.api = api;
    }

    public ObjectNode ready(FirefliesEvents.Completed completed, @ExchangeProperty("envelope") EventEnvelope announcement) {
        JsonNode transcript = completed.transcript() != null && completed.transcript().isObject() ? completed.transcript() : fetch(completed.transcriptId());
        LOG.info("Fireflies transcript {} ({} {}) read: published as {}", completed.transcriptId(), announcement.eventType(),
                announcement.eventId(), READY);
        return EnvelopeRequests.withKey(EnvelopeRequests.request(READY, TranscriptMapping.ready(transcript), announcement.correlationIds(),
                FirefliesWebhook.FIREFLIES), Map.of("transcript_id", completed.transcriptId()));
    }

    private JsonNode fetch(String transcriptId) {
        try {
            return api.transcript(transcriptId);
        } catch (FirefliesException e) {
            throw e.forConsumer();
        }
    }
}
