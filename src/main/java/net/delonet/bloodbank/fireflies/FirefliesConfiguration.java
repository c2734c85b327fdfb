package net.delonet.bloodbank.fireflies;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import net.delonet.bloodbank.backend.Redacted;
import net.delonet.bloodbank.backend.SharedSettings;
import net.delonet.bloodbank.webhook.WebhookSignature;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires Fireflies: its GraphQL API (one client), the webhook's signature check and announcements, the transcript fetch
 * (routes/fireflies-webhook.camel.yaml), the uploader's handler (routes/fireflies-upload.camel.yaml) and the
 * recording links it hands Fireflies.
 */
@Configuration
public class FirefliesConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FirefliesConfiguration.class);

    @PropertyInject("bloodbank.fireflies.api-url") String apiUrl;
    @PropertyInject("bloodbank.fireflies.api-key") String apiKey;
    @PropertyInject("bloodbank.fireflies.webhook-secret") String webhookSecret;
    @PropertyInject("bloodbank.fireflies.timeout-ms") long timeoutMs;
    @PropertyInject("bloodbank.watch.path") String watchPath;
    @PropertyInject("bloodbank.recordings.public-base-url") String publicBaseUrl;
    @PropertyInject("bloodbank.recordings.link-ttl-hours") long linkTtlHours;
    @PropertyInject("bloodbank.recordings.link-secret") String linkSecret;
    @BeanInject SharedSettings shared;

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        FirefliesApi api = new FirefliesApi(URI.create(apiUrl), apiKey, Duration.ofMillis(timeoutMs));
        // Fireflies signs with x-hub-signature: hex HMAC-SHA256 of the raw body; Webhooks V2 prefixes it "sha256=".
        WebhookSignature signature = new WebhookSignature();
        signature.setHeader("x-hub-signature");
        signature.setPrefix("sha256=");
        signature.setSecret(webhookSecret);
        RecordingLinks links = new RecordingLinks(secret(), Path.of(watchPath), publicBaseUrl, Duration.ofHours(linkTtlHours),
                Clock.systemUTC());
        registry.bind("firefliesApi", api);
        registry.bind("firefliesSignature", signature);
        registry.bind("firefliesWebhook", new FirefliesWebhook());
        registry.bind("firefliesTranscripts", new FirefliesTranscripts(api));
        registry.bind("recordingDownload", new RecordingDownload(links));
        registry.bind("firefliesUploader", new FirefliesUploader(api, links));
        if (webhookSecret == null || webhookSecret.isBlank()) {
            LOG.warn("FIREFLIES_WEBHOOK_SECRET is not set: POST /webhooks/fireflies refuses every call (401)");
        }
        LOG.info("Fireflies API at {}{}", Redacted.url(apiUrl), apiKey == null || apiKey.isBlank() ? " (FIREFLIES_API_KEY not set)" : "");
    }

    /**
     * RECORDINGS_LINK_SECRET, else a random key kept in the state folder (readable by its owner only), else (no
     * writable state folder) a random key for this run: links then stop working when Bloodbank restarts.
     */
    private byte[] secret() {
        if (linkSecret != null && !linkSecret.isBlank()) {
            return linkSecret.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return storedKey(Path.of(shared.stateDir()).resolve("recordings-link.key"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot keep the recording-link key in {} ({}): links made now stop working at the next restart; "
                    + "set RECORDINGS_LINK_SECRET to keep them", shared.stateDir(), e.getMessage());
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
