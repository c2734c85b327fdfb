package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import net.delonet.bloodbank.refusal.NonRetryableException;
import net.delonet.bloodbank.events.FirefliesEvents;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploader consumer's handler, for {@code fireflies.transcript.upload}: hands the recording to Fireflies with
 * {@code uploadAudio} (an expiring link to it, its title, and the upload event id as {@code client_reference_id},
 * which Fireflies' webhook gives back so the transcript links to this upload). A recording that is gone or outside
 * the watched folder fails for good; so do Fireflies' permanent refusals. Retries and dead letters are the
 * consumer template's.
 */
public final class FirefliesUploader {

    private static final Logger LOG = LoggerFactory.getLogger(FirefliesUploader.class);

    private final FirefliesApi api;
    private final RecordingLinks links;

    public FirefliesUploader(FirefliesApi api, RecordingLinks links) {
        this.api = api;
        this.links = links;
    }

    public void upload(FirefliesEvents.Upload upload, @Header("event_id") String eventId) {
        Path file = Path.of(upload.mediaFile());
        if (!links.servable(file)) {
            throw new NonRetryableException("recording_not_servable",
                    "Recording " + file + " is not a file under the watched folder: not handed to Fireflies", null);
        }
        String title = upload.title() != null ? upload.title() : file.getFileName().toString();
        try {
            JsonNode answer = api.uploadAudio(links.urlFor(file), title, eventId);
            LOG.info("Recording {} handed to Fireflies for upload event {}: {}", file, eventId, answer.path("message").asText("accepted"));
        } catch (FirefliesException e) {
            throw e.forConsumer();
        }
    }
}
