package net.delonet.bloodbank.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.envelope.EnvelopeRequests;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.events.FirefliesEvents;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step: a completely written recording becomes the envelope request of its {@code fireflies.transcript.upload},
 * with an event id derived from the recording's content ({@link RecordingFile#identity}), kept in {@link #IDENTITY}.
 * A recording that cannot be read fails the step with the IOException (the route reports it).
 */
public final class RecordingUploadRequest implements Processor {

    public static final String UPLOAD = "fireflies.transcript.upload";
    /** Header holding the recording's content identity, the key of the "published once" repository. */
    public static final String IDENTITY = "bloodbank.recordingIdentity";

    private final Source source;

    public RecordingUploadRequest(Source source) {
        this.source = source;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Path file = exchange.getMessage().getBody(File.class).toPath().toAbsolutePath();
        String name = file.getFileName().toString();
        long size = Files.size(file);
        String identity = RecordingFile.identity(file);
        FirefliesEvents.Upload payload = new FirefliesEvents.Upload(file.toString(), RecordingNames.mediaType(name),
                RecordingNames.title(name), size, RecordingFile.durationSeconds(file), null, null, null);
        ObjectNode request = EnvelopeRequests.withKey(EnvelopeRequests.request(UPLOAD, payload, List.of(), source),
                Map.of("file_identity", identity));
        exchange.getMessage().setHeader(IDENTITY, identity);
        exchange.getMessage().setBody(request);
    }
}
