package net.delonet.bloodbank.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev mode and README's Stripe webhook (a route on the bloodbank-webhook-source Kamelet): saved edits keep it serving. */
class DevReloadWebhookTest {

    private static final String BODY = "{\"id\":\"in_1\",\"amount_paid\":4200}";

    @TempDir Path routes;

    private static String route(String eventType) {
        return """
                - route:
                    id: webhook-stripe
                    from:
                      uri: kamelet:bloodbank-webhook-source
                      parameters:
                        path: /webhooks/stripe
                        eventType: %s
                        secret: whsec_test
                        signatureHeader: X-Signature
                        signaturePrefix: ""
                        sourceApp: stripe
                      steps:
                        - to: direct:publish
                """.formatted(eventType);
    }

    private RunningBloodbank start() {
        return RunningBloodbank.start(Map.of("bloodbank.watch.enabled", "false",
                "camel.main.routes-include-pattern", "file:routes/*.camel.yaml,file:" + routes + "/*.camel.yaml",
                "camel.main.routes-reload-enabled", "true", "camel.main.routes-reload-directory", routes.toString()));
    }

    private static Answer call(RunningBloodbank bloodbank) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(BODY.getBytes(StandardCharsets.UTF_8)));
        return bloodbank.http().post("/webhooks/stripe", BODY, Map.of("X-Signature", signature));
    }

    private static void awaitPublishing(RunningBloodbank bloodbank, String eventType) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Answer answer = call(bloodbank);
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            assertThat(answer.json().get("event_type").asText()).isEqualTo(eventType);
        });
        for (int i = 0; i < 3; i++) {
            Answer again = call(bloodbank);
            assertThat(again.status()).as("still serving: " + again.body()).isEqualTo(202);
        }
    }

    @Test
    void should_keep_an_edited_webhook_route_serving() throws Exception {
        Path file = routes.resolve("webhook-stripe.camel.yaml");
        Files.writeString(file, route("stripe.invoice.paid"));
        try (RunningBloodbank bloodbank = start()) {
            awaitPublishing(bloodbank, "stripe.invoice.paid");

            Files.writeString(file, route("stripe.invoice.settled"));
            awaitPublishing(bloodbank, "stripe.invoice.settled");

            Files.writeString(file, route("stripe.invoice.closed"));
            awaitPublishing(bloodbank, "stripe.invoice.closed");
        }
    }

    @Test
    void should_serve_a_webhook_route_copied_in_with_two_writes() throws Exception {
        try (RunningBloodbank bloodbank = start()) {
            Path file = routes.resolve("webhook-stripe.camel.yaml");
            // what a plain cp does: create (a reload of an empty or partial file), then the rest (a second reload)
            String yaml = route("stripe.invoice.paid");
            Files.writeString(file, yaml.substring(0, yaml.indexOf("secret:")));
            Thread.sleep(2500);
            Files.writeString(file, yaml);
            awaitPublishing(bloodbank, "stripe.invoice.paid");

            Files.writeString(file, "");
            Thread.sleep(2500);
            Files.writeString(file, route("stripe.invoice.settled"));
            awaitPublishing(bloodbank, "stripe.invoice.settled");
        }
    }
}
