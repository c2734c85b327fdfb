package net.delonet.bloodbank.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.envelope.EnvelopeRequests;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.events.FirefliesEvents;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step: a recording the watcher could not publish (removed while being written, or unreadable) becomes the
 * envelope request of a {@code fireflies.transcript.failed} at stage {@code upload}, logged in one line. Its id is
 * derived from the file's path, size and mtime, so the same broken file is reported once.
 */
public final class RecordingFailure implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingFailure.class);

    private final Source source;

    public RecordingFailure(Source source) {
        this.source = source;
    }

    @Override
    public void process(Exchange exchange) {
        RecordingReadiness.Vanished vanished = exchange.getMessage().getBody(RecordingReadiness.Vanished.class);
        if (vanished != null) {
            exchange.getMessage().setBody(request(vanished.mediaFile(), vanished.sizeBytes(), vanished.modifiedMillis(),
                    "FILE_REMOVED", "The recording was removed before it was completely written"));
            return;
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getMessage().setBody(request(exchange.getMessage().getHeader("CamelFileAbsolutePath", String.class),
                exchange.getMessage().getHeader(Exchange.FILE_LENGTH, 0L, Long.class),
                exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class),
                "FILE_UNREADABLE", "The recording could not be read: " + cause));
    }

    private ObjectNode request(String mediaFile, long size, long modified, String code, String message) {
        LOG.warn("Recording {} not published ({}): {}", mediaFile, code, message);
        FirefliesEvents.Failed payload = new FirefliesEvents.Failed("upload", message, code, false, 0,
                Map.of("size_bytes", size, "modified_millis", modified), null, mediaFile);
        return EnvelopeRequests.withKey(EnvelopeRequests.request("fireflies.transcript.failed", payload, List.of(), source),
                Map.of("media_file", mediaFile, "size_bytes", size, "modified_millis", modified, "error_code", code));
    }
}
