package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiAuthTest {

    private final ApiAuth open = new ApiAuth("");
    private final ApiAuth guarded = new ApiAuth("alpha-token, beta-token");

    @Test
    void should_serve_only_loopback_clients_when_no_token_is_configured() {
        assertThat(open.check("/events", "127.0.0.1", null)).isNull();
        assertThat(open.check("/events", "0:0:0:0:0:0:0:1", null)).isNull();
        assertThat(open.check("/events", "192.0.2.10", null).status()).isEqualTo(403);
        assertThat(open.check("/dlq", null, null).status()).isEqualTo(403);
    }

    @Test
    void should_require_one_of_the_configured_bearer_tokens() {
        assertThat(guarded.check("/events", "127.0.0.1", null).status()).isEqualTo(401);
        assertThat(guarded.check("/events", "192.0.2.10", "Bearer wrong").status()).isEqualTo(401);
        assertThat(guarded.check("/events", "192.0.2.10", "Basic YWxwaGEtdG9rZW4=").status()).isEqualTo(401);
        assertThat(guarded.check("/events", "192.0.2.10", "Bearer alpha-token")).isNull();
        assertThat(guarded.check("/replay", "192.0.2.10", "bearer beta-token")).isNull();
        assertThat(guarded.check("/events", "192.0.2.10", "Bearer alpha-token-and-more").status()).isEqualTo(401);
    }

    @Test
    void should_leave_webhooks_health_and_recordings_to_their_own_checks() {
        assertThat(guarded.check("/webhooks/fireflies", "192.0.2.10", null)).isNull();
        assertThat(guarded.check("/observe/health", "192.0.2.10", null)).isNull();
        assertThat(open.check("/recordings/abc", "192.0.2.10", null)).isNull();
    }

    @Test
    void should_open_the_console_page_only_where_a_token_is_asked_for() {
        assertThat(guarded.check("/", "192.0.2.10", null)).isNull();
        assertThat(guarded.check("/console/js/app.js", "192.0.2.10", null)).isNull();
        assertThat(guarded.check("/debug/events/x", "192.0.2.10", null).status()).isEqualTo(401);
        assertThat(open.check("/console/", "192.0.2.10", null).status()).isEqualTo(403);
        assertThat(open.check("/console/", "127.0.0.1", null)).isNull();
    }
}
