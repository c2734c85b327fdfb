package net.delonet.bloodbank.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.delonet.bloodbank.refusal.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The signature schemes a webhook route can choose, checked without HTTP: what passes and what is refused (401). */
class WebhookSignatureTest {

    private static final long NOW = 1_760_788_800L;
    private static final String BODY = "{\"type\":\"invoice.paid\"}";

    /** Stripe-like: base64 HMAC of "{timestamp}.{body}", timestamp in its own header, 5 minutes tolerance. */
    private static WebhookSignature timestamped() {
        WebhookSignature signature = new WebhookSignature();
        signature.setHeader("X-Signature");
        signature.setEncoding("base64");
        signature.setSecret("whsec_test");
        signature.setTimestampHeader("X-Timestamp");
        signature.setSignedContent("{timestamp}.{body}");
        signature.setToleranceSeconds(300);
        signature.setClock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        return signature;
    }

    private static String sign(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static Exchange call(String body, long timestamp, String signature) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader("X-Timestamp", Long.toString(timestamp));
        exchange.getMessage().setHeader("X-Signature", signature);
        return exchange;
    }

    @Test
    void should_pass_a_fresh_call_signed_over_timestamp_and_body() throws Exception {
        assertThatCode(() -> timestamped().process(call(BODY, NOW - 60, sign((NOW - 60) + "." + BODY)))).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_a_replayed_call_with_an_old_timestamp() throws Exception {
        long old = NOW - 301;
        assertThatThrownBy(() -> timestamped().process(call(BODY, old, sign(old + "." + BODY))))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("300 s");
    }

    @Test
    void should_refuse_a_timestamp_changed_after_signing_or_missing() throws Exception {
        String signature = sign(NOW + "." + BODY);
        assertThatThrownBy(() -> timestamped().process(call(BODY, NOW + 1, signature))).hasMessageContaining("does not match");
        Exchange noTimestamp = call(BODY, NOW, signature);
        noTimestamp.getMessage().removeHeader("X-Timestamp");
        assertThatThrownBy(() -> timestamped().process(noTimestamp)).hasMessageContaining("X-Timestamp");
    }

    @Test
    void should_refuse_everything_while_no_secret_is_configured() {
        WebhookSignature unconfigured = timestamped();
        unconfigured.setSecret("");
        assertThatThrownBy(() -> unconfigured.process(call(BODY, NOW, "anything"))).hasMessageContaining("no webhook secret");
    }
}
