package net.delonet.bloodbank.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.delonet.bloodbank.refusal.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route step: lets a webhook call through only when its signature header holds the HMAC-SHA256 of the raw body
 * (or of {@code signedContent}, e.g. {@code {timestamp}.{body}}) under the shared secret, compared in constant time,
 * and, when a timestamp header is configured, its time is within the tolerance. Otherwise 401, logged in one line.
 * Configured through setters, so a route template can declare it as a local bean.
 */
public final class WebhookSignature implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSignature.class);

    private String header = "X-Hub-Signature-256";
    private String encoding = "hex";
    private String prefix = "";
    private String secret = "";
    private String timestampHeader = "";
    private long toleranceSeconds = 300;
    private String signedContent = "{body}";
    private Clock clock = Clock.systemUTC();

    @Override
    public void process(Exchange exchange) throws Exception {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        body = body == null ? new byte[0] : body;
        exchange.getMessage().setBody(body);
        String where = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        String given = exchange.getMessage().getHeader(header, String.class);
        if (secret == null || secret.isBlank()) {
            throw refused(where, "no webhook secret is configured for this endpoint");
        }
        if (given == null || given.isBlank()) {
            throw refused(where, "the " + header + " header is missing");
        }
        String timestamp = checkedTimestamp(exchange, where);
        String signature = prefix != null && !prefix.isEmpty() && given.startsWith(prefix) ? given.substring(prefix.length()) : given;
        if (!MessageDigest.isEqual(expected(body, timestamp), decoded(signature.trim()))) {
            throw refused(where, "the signature does not match the body");
        }
    }

    private String checkedTimestamp(Exchange exchange, String where) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return "";
        }
        String given = exchange.getMessage().getHeader(timestampHeader, String.class);
        long seconds;
        try {
            long value = Long.parseLong(given == null ? "" : given.trim());
            seconds = value > 100_000_000_000L ? value / 1000 : value;
        } catch (NumberFormatException e) {
            throw refused(where, "the " + timestampHeader + " header is missing or not a Unix time");
        }
        if (Math.abs(clock.millis() / 1000 - seconds) > toleranceSeconds) {
            throw refused(where, "the " + timestampHeader + " is more than " + toleranceSeconds + " s away from now");
        }
        return given.trim();
    }

    private byte[] expected(byte[] body, String timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        int at = signedContent.indexOf("{body}");
        String before = at < 0 ? signedContent : signedContent.substring(0, at);
        mac.update(before.replace("{timestamp}", timestamp).getBytes(StandardCharsets.UTF_8));
        if (at >= 0) {
            mac.update(body);
            mac.update(signedContent.substring(at + 6).replace("{timestamp}", timestamp).getBytes(StandardCharsets.UTF_8));
        }
        return mac.doFinal();
    }

    private byte[] decoded(String signature) {
        try {
            return "base64".equalsIgnoreCase(encoding) ? Base64.getDecoder().decode(signature) : HexFormat.of().parseHex(signature.toLowerCase());
        } catch (IllegalArgumentException notEncoded) {
            return new byte[0];
        }
    }

    private static ApiException refused(String where, String reason) {
        LOG.warn("Refused webhook call to {}: {}", where, reason);
        return new ApiException(401, null, "Webhook signature refused: " + reason);
    }

    public void setHeader(String header) {
        this.header = header;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public void setTimestampHeader(String timestampHeader) {
        this.timestampHeader = timestampHeader;
    }

    public void setToleranceSeconds(long toleranceSeconds) {
        this.toleranceSeconds = toleranceSeconds;
    }

    public void setSignedContent(String signedContent) {
        this.signedContent = signedContent;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
