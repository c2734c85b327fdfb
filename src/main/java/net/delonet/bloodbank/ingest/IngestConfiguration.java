package net.delonet.bloodbank.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.envelope.LocalHost;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the recordings watcher: readiness, identity, the repositories that make each recording publish once. */
@Configuration
public class IngestConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(IngestConfiguration.class);

    @PropertyInject("bloodbank.watch.extensions") String extensions;
    @PropertyInject("bloodbank.watch.quiet-ms") long quietMs;
    @BeanInject SharedSettings shared;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Source watcher = new Source(LocalHost.name(shared.sourceHost()), TriggerType.FILE_WATCH, "bloodbank-watcher", null);
        RecordingReadiness readiness = new RecordingReadiness(new RecordingNames(extensions), Duration.ofMillis(quietMs),
                Clock.systemUTC());
        ProducerTemplate template = context.createProducerTemplate();
        // Reported from the poll thread into a route, so the failed event goes through the same publish as any other.
        readiness.onVanished(vanished -> template.asyncSendBody("direct:recording-failed", vanished));
        // Files are only made when the watcher starts: with it off, nothing is written (read-only containers).
        Path state = Path.of(shared.stateDir());

        registry.bind("recordingReadiness", readiness);
        registry.bind("recordingUploadRequest", new RecordingUploadRequest(watcher));
        registry.bind("recordingFailure", new RecordingFailure(watcher));
        // Kept on this host, with no expiry: a restart or rescan years later still knows what was published.
        // Named with the deployment's prefix: deployments sharing a state folder each publish every recording.
        registry.bind("recordingsSeen", repository(stateFile(state, "recordings-seen.txt")));
        registry.bind("recordingsPublished", repository(stateFile(state, "recordings-published.txt")));
    }

    /** {@code <prefix><name>}; a file {@code <name>} of an earlier version is copied to it once, so nothing is published again. */
    private File stateFile(Path state, String name) {
        Path file = state.resolve(shared.queuePrefix() + name);
        Path earlier = state.resolve(name);
        if (Files.exists(earlier) && !Files.exists(file)) {
            try {
                Files.copy(earlier, file);
            } catch (IOException e) {
                LOG.warn("Could not adopt the watcher state {} as {} ({}): recordings seen before may be published again",
                        earlier, file, e.toString());
            }
        }
        return file.toFile();
    }

    private static FileIdempotentRepository repository(File store) {
        return (FileIdempotentRepository) FileIdempotentRepository.fileIdempotentRepository(store, 100_000, 64L << 20);
    }
}
