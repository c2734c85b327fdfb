package net.delonet.bloodbank.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import net.delonet.bloodbank.fireflies.FirefliesApi;
import net.delonet.bloodbank.fireflies.FirefliesUploader;
import net.delonet.bloodbank.fireflies.RecordingDownload;
import net.delonet.bloodbank.fireflies.RecordingLinks;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the Fireflies uploader's handler (a bloodbank-consumer, routes/fireflies-upload.camel.yaml) and its recording links. */
@Configuration
public class UploaderConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(UploaderConfiguration.class);

    @PropertyInject("bloodbank.fireflies.api-url") String apiUrl;
    @PropertyInject("bloodbank.fireflies.api-key") String apiKey;
    @PropertyInject("bloodbank.fireflies.timeout-ms") long timeoutMs;
    @PropertyInject("bloodbank.watch.path") String watchPath;
    @PropertyInject("bloodbank.watch.state-dir") String stateDir;
    @PropertyInject("bloodbank.recordings.public-base-url") String publicBaseUrl;
    @PropertyInject("bloodbank.recordings.link-ttl-hours") long linkTtlHours;
    @PropertyInject("bloodbank.recordings.link-secret") String linkSecret;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        RecordingLinks links = new RecordingLinks(secret(), Path.of(watchPath), publicBaseUrl, Duration.ofHours(linkTtlHours),
                Clock.systemUTC());
        FirefliesApi api = new FirefliesApi(URI.create(apiUrl), apiKey, Duration.ofMillis(timeoutMs));
        registry.bind("recordingDownload", new RecordingDownload(links));
        registry.bind("firefliesUploader", new FirefliesUploader(api, links));
    }

    /**
     * RECORDINGS_LINK_SECRET, else a random key kept in the state folder (readable by its owner only), else (no
     * writable state folder) a random key for this run: links then stop working when Bloodbank restarts.
     */
    private byte[] secret() {
        if (linkSecret != null && !linkSecret.isBlank()) {
            return linkSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return storedKey(Path.of(stateDir).resolve("recordings-link.key"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot keep the recording-link key in {} ({}): links made now stop working at the next restart; "
                    + "set RECORDINGS_LINK_SECRET to keep them", stateDir, e.getMessage());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
    }

    private static byte[] storedKey(Path key) throws IOException {
        Files.createDirectories(key.getParent());
        if (!Files.exists(key)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.writeString(Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    HexFormat.of().formatHex(random));
        }
        return HexFormat.of().parseHex(Files.readString(key).trim());
    }
}
