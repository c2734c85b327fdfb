package net.delonet.bloodbank.fireflies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The GraphQL client against the stand-in: what it sends, and how each kind of failure is classified. */
class FirefliesApiTest {

    @Test
    void should_send_upload_audio_with_the_link_title_and_reference() throws Exception {
        try (FirefliesStandIn fireflies = new FirefliesStandIn()) {
            fireflies.answering(200, "{\"data\":{\"uploadAudio\":{\"success\":true,\"title\":\"standup\",\"message\":\"queued\"}}}");
            FirefliesApi api = new FirefliesApi(URI.create(fireflies.url()), "k", Duration.ofSeconds(5));
            assertThat(api.uploadAudio("https://bb.example/recordings/t/standup.mp3", "standup", "ref-1").get("message").asText()).isEqualTo("queued");
            assertThat(fireflies.calls().get(0).body().at("/variables/input").toString())
                    .isEqualTo("{\"url\":\"https://bb.example/recordings/t/standup.mp3\",\"title\":\"standup\",\"client_reference_id\":\"ref-1\"}");

            fireflies.answering(200, "{\"data\":{\"uploadAudio\":{\"success\":false,\"message\":\"Unsupported file format\"}}}");
            assertThatThrownBy(() -> api.uploadAudio("u", "t", "r")).isInstanceOfSatisfying(FirefliesException.class,
                    e -> assertThat(e.isRetryable()).isFalse()).hasMessageContaining("Unsupported file format");
        }
    }

    @Test
    void should_not_call_fireflies_without_a_key_and_retry_when_it_cannot_be_reached() throws Exception {
        assertThatThrownBy(() -> new FirefliesApi(URI.create("http://127.0.0.1:9/graphql"), "", Duration.ofSeconds(1)).transcript("x"))
                .isInstanceOfSatisfying(FirefliesException.class, e -> assertThat(e.code()).isEqualTo("no_api_key"));
        int closed = net.delonet.bloodbank.testing.RunningBloodbank.freePort();
        assertThatThrownBy(() -> new FirefliesApi(URI.create("http://127.0.0.1:" + closed + "/graphql"), "k", Duration.ofSeconds(1)).transcript("x"))
                .isInstanceOfSatisfying(FirefliesException.class, e -> assertThat(e.isRetryable()).isTrue());
    }
}
