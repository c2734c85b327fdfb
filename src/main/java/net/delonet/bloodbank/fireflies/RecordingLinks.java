package net.delonet.bloodbank.fireflies;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unguessable, expiring links to recordings, so Fireflies can fetch one by URL: {@code PUBLIC_BASE_URL/recordings/
 * {token}/{file name}}, where the token carries the file's path and expiry, signed with HMAC-SHA256 under a secret
 * only Bloodbank knows. Only regular files under the watched folder are ever served.
 */
public final class RecordingLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Path root;
    private final String publicBaseUrl;
    private final Duration ttl;
    private final Clock clock;

    public RecordingLinks(byte[] secret, Path root, String publicBaseUrl, Duration ttl, Clock clock) {
        this.secret = secret.clone();
        this.root = root.toAbsolutePath().normalize();
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Whether Bloodbank may hand this file out: a recording under the watched folder. */
    public boolean servable(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return normal.startsWith(root) && Files.isRegularFile(normal);
    }

    public String urlFor(Path file) {
        String path = B64.encodeToString(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        String signed = path + "." + (clock.millis() / 1000 + ttl.toSeconds());
        return publicBaseUrl + "/recordings/" + signed + "." + sign(signed) + "/"
                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The file a token names: empty when forged, altered, expired, or not a servable recording. */
    public Optional<Path> resolve(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1];
        byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(signed).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[1]) < clock.millis() / 1000) {
                return Optional.empty();
            }
            Path file = Path.of(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            return servable(file) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
