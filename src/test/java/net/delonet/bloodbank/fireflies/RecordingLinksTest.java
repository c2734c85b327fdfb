package net.delonet.bloodbank.fireflies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links Fireflies downloads recordings from: they work until they expire, and cannot be forged or bent. */
class RecordingLinksTest {

    @TempDir Path dir;
    private final byte[] secret = "a-test-secret-of-some-length".getBytes(StandardCharsets.UTF_8);

    private RecordingLinks links(Instant now) {
        return new RecordingLinks(secret, dir.resolve("Recordings"), "https://bb.example/", Duration.ofHours(1),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String token(String url) {
        return url.substring(url.indexOf("/recordings/") + 12, url.lastIndexOf('/'));
    }

    @Test
    void should_resolve_its_own_link_until_it_expires() throws Exception {
        Path file = Files.createDirectories(dir.resolve("Recordings/2025")).resolve("stand up.mp3");
        Files.writeString(file, "audio");
        Instant now = Instant.parse("2025-10-18T12:00:00Z");
        String url = links(now).urlFor(file);

        assertThat(url).startsWith("https://bb.example/recordings/").endsWith("/stand%20up.mp3");
        assertThat(links(now.plusSeconds(3599)).resolve(token(url))).contains(file);
        assertThat(links(now.plusSeconds(3601)).resolve(token(url))).isEmpty();
    }

    @Test
    void should_refuse_altered_forged_and_outside_links() throws Exception {
        Path inside = Files.createDirectories(dir.resolve("Recordings")).resolve("a.mp3");
        Files.writeString(inside, "audio");
        Path outside = Files.writeString(dir.resolve("secret.txt"), "not a recording");
        Instant now = Instant.parse("2025-10-18T12:00:00Z");
        String token = token(links(now).urlFor(inside));
        String[] parts = token.split("\\.");

        assertThat(links(now).resolve(parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2])).as("later expiry").isEmpty();
        assertThat(links(now).resolve(token.substring(0, token.length() - 2) + "AA")).as("signature").isEmpty();
        assertThat(new RecordingLinks("another".getBytes(StandardCharsets.UTF_8), dir.resolve("Recordings"), "https://bb.example",
                Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC)).resolve(token)).as("other key").isEmpty();
        assertThat(links(now).resolve(token(links(now).urlFor(outside)))).as("outside the watched folder").isEmpty();
        assertThat(links(now).resolve("nonsense")).isEmpty();
        assertThat(links(now).servable(dir.resolve("Recordings/../secret.txt"))).isFalse();
    }
}
