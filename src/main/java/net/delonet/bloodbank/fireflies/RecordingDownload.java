package net.delonet.bloodbank.fireflies;

import java.nio.file.Files;
import java.nio.file.Path;
import net.delonet.bloodbank.refusal.ApiException;
import net.delonet.bloodbank.ingest.RecordingNames;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Route step for {@code GET /recordings/{token}/{name}}: streams the recording a valid link names, else 404. */
public final class RecordingDownload implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingDownload.class);

    private final RecordingLinks links;

    public RecordingDownload(RecordingLinks links) {
        this.links = links;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Path file = links.resolve(exchange.getMessage().getHeader("token", String.class))
                .orElseThrow(() -> ApiException.notFound("token", "No such recording (the link is wrong or has expired)"));
        LOG.info("Serving recording {} to {}", file, exchange.getMessage().getHeader("User-Agent", "an unnamed client", String.class));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, RecordingNames.mediaType(file.getFileName().toString()));
        exchange.getMessage().setHeader(Exchange.CONTENT_LENGTH, Files.size(file));
        exchange.getMessage().setBody(Files.newInputStream(file));
    }
}
