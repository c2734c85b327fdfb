package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer step for {@code fireflies.transcript.upload}: hands the recording to Fireflies with {@code uploadAudio}
 * (an expiring link to it, its title, and the upload event id as {@code client_reference_id}, which Fireflies' webhook
 * gives back so the transcript links to this upload). A recording that is gone or outside the watched folder fails
 * for good; Fireflies' failures say whether a retry may help ({@link FirefliesException}).
 */
public final class FirefliesUploader implements Processor {

    /** Exchange property: how many times this upload event was tried (redeliveries run the step again). */
    public static final String ATTEMPTS = "bloodbank.uploadAttempts";

    private static final Logger LOG = LoggerFactory.getLogger(FirefliesUploader.class);

    private final FirefliesApi api;
    private final RecordingLinks links;

    public FirefliesUploader(FirefliesApi api, RecordingLinks links) {
        this.api = api;
        this.links = links;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1);
        JsonNode upload = EnvelopeJson.mapper().readTree(exchange.getMessage().getBody(byte[].class));
        String eventId = upload.path("event_id").asText();
        Path file = Path.of(upload.at("/payload/media_file").asText());
        if (!links.servable(file)) {
            throw new RecordingNotServable("Recording " + file + " is not a file under the watched folder: not handed to Fireflies");
        }
        String title = upload.at("/payload/title").asText(file.getFileName().toString());
        JsonNode answer = api.uploadAudio(links.urlFor(file), title, eventId);
        LOG.info("Recording {} handed to Fireflies for upload event {}: {}", file, eventId, answer.path("message").asText("accepted"));
    }

    /** The upload event names a file Bloodbank will not serve (gone, or not a recording under the watched folder). */
    public static final class RecordingNotServable extends Exception {
        public RecordingNotServable(String message) {
            super(message);
        }
    }
}
