package net.delonet.bloodbank.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's "Add a webhook": one YAML file with a timestamped, base64 scheme, dropped next to the routes. */
class WebhookTemplateTest {

    private static final String ROUTE = """
            - route:
                id: webhook-stripe
                from:
                  uri: kamelet:bloodbank-webhook-source
                  parameters:
                    path: /webhooks/stripe
                    eventType: stripe.invoice.paid
                    secret: whsec_test
                    signatureHeader: X-Signature
                    signatureEncoding: base64
                    signaturePrefix: ""
                    timestampHeader: X-Timestamp
                    toleranceSeconds: 120
                    signedContent: "{timestamp}.{body}"
                    sourceApp: stripe
                  steps:
                    - to: direct:publish
            """;

    @TempDir Path routes;

    private static String sign(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void should_publish_a_fresh_signed_call_and_refuse_a_stale_one() throws Exception {
        Files.writeString(routes.resolve("webhook-stripe.camel.yaml"), ROUTE);
        try (RunningBloodbank bloodbank = RunningBloodbank.start(Map.of("bloodbank.watch.enabled", "false",
                "camel.main.routes-include-pattern", "file:routes/*.camel.yaml,file:" + routes + "/*.camel.yaml"))) {
            String body = "{\"id\":\"in_1\",\"amount_paid\":4200}";
            long now = System.currentTimeMillis() / 1000;
            Answer fresh = bloodbank.http().post("/webhooks/stripe", body,
                    Map.of("X-Timestamp", Long.toString(now), "X-Signature", sign(now + "." + body)));
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(202);
            assertThat(fresh.json().get("event_type").asText()).isEqualTo("stripe.invoice.paid");

            long stale = now - 121;
            Answer replayed = bloodbank.http().post("/webhooks/stripe", body,
                    Map.of("X-Timestamp", Long.toString(stale), "X-Signature", sign(stale + "." + body)));
            assertThat(replayed.status()).isEqualTo(401);
            assertThat(replayed.json().get("error").asText()).contains("120 s");
        }
    }
}
