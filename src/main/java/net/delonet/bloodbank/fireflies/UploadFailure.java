package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.events.FirefliesEvents;
import net.delonet.bloodbank.publish.EventBus;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error step of the uploader: the upload event it gave up on becomes {@code fireflies.transcript.failed} at stage
 * {@code upload}, parent = the upload event, with the reason, Fireflies' error code and the number of retries made.
 */
public final class UploadFailure implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(UploadFailure.class);

    private final Source source;

    public UploadFailure(Source source) {
        this.source = source;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JsonNode upload = EnvelopeJson.mapper().readTree(exchange.getMessage().getBody(byte[].class));
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        boolean retryable = cause instanceof FirefliesException f && f.isRetryable();
        String code = cause instanceof FirefliesException f ? f.code() : cause.getClass().getSimpleName();
        int retries = Math.max(0, exchange.getProperty(FirefliesUploader.ATTEMPTS, 1, Integer.class) - 1);
        String mediaFile = upload.at("/payload/media_file").asText(null);
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        LOG.warn("Upload event {} ({}) failed after {} retries: {}", upload.path("event_id").asText(), mediaFile, retries, message);
        FirefliesEvents.Failed payload = new FirefliesEvents.Failed("upload", message, code, retryable, retries,
                Map.of("upload_event_id", upload.path("event_id").asText()), null, mediaFile);
        // One failure per upload event: a redelivered upload that fails again reports under the same id.
        exchange.getMessage().setBody(EventBus.withKey(EventBus.request("fireflies.transcript.failed", payload,
                List.of(UUID.fromString(upload.path("event_id").asText())), source),
                Map.of("upload_event_id", upload.path("event_id").asText(), "failed_stage", "upload")));
    }
}
