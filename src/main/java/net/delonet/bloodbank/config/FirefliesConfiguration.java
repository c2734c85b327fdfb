package net.delonet.bloodbank.config;

import java.net.URI;
import java.time.Duration;
import net.delonet.bloodbank.backend.Redacted;
import net.delonet.bloodbank.fireflies.FirefliesApi;
import net.delonet.bloodbank.fireflies.FirefliesTranscripts;
import net.delonet.bloodbank.fireflies.FirefliesWebhook;
import net.delonet.bloodbank.webhook.WebhookSignature;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires Fireflies: its GraphQL API, the webhook's signature check and announcements, the transcript fetch. */
@Configuration
public class FirefliesConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FirefliesConfiguration.class);

    @PropertyInject("bloodbank.fireflies.api-url") String apiUrl;
    @PropertyInject("bloodbank.fireflies.api-key") String apiKey;
    @PropertyInject("bloodbank.fireflies.webhook-secret") String webhookSecret;
    @PropertyInject("bloodbank.fireflies.timeout-ms") long timeoutMs;

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        FirefliesApi api = new FirefliesApi(URI.create(apiUrl), apiKey, Duration.ofMillis(timeoutMs));
        // Fireflies signs with x-hub-signature: hex HMAC-SHA256 of the raw body; Webhooks V2 prefixes it "sha256=".
        WebhookSignature signature = new WebhookSignature();
        signature.setHeader("x-hub-signature");
        signature.setPrefix("sha256=");
        signature.setSecret(webhookSecret);
        registry.bind("firefliesApi", api);
        registry.bind("firefliesSignature", signature);
        registry.bind("firefliesWebhook", new FirefliesWebhook());
        registry.bind("firefliesTranscripts", new FirefliesTranscripts(api));
        if (webhookSecret == null || webhookSecret.isBlank()) {
            LOG.warn("FIREFLIES_WEBHOOK_SECRET is not set: POST /webhooks/fireflies refuses every call (401)");
        }
        LOG.info("Fireflies API at {}{}", Redacted.url(apiUrl), apiKey == null || apiKey.isBlank() ? " (FIREFLIES_API_KEY not set)" : "");
    }
}
