package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.Test;

/** With BLOODBANK_API_TOKENS set, the running service refuses requests without the right bearer token. */
@BloodbankTest("bloodbank.api-tokens=s3cret-one,s3cret-two")
class ApiAuthApiTest {

    private RunningBloodbank bloodbank;
    private final HttpClient http = HttpClient.newHttpClient();

    private int post(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bloodbank.port() + "/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_type\":\"auth.test.done\",\"payload\":{}}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void should_refuse_a_publish_without_a_token_or_with_a_wrong_one() throws Exception {
        assertThat(post(null)).isEqualTo(401);
        assertThat(post("s3cret-three")).isEqualTo(401);
    }

    @Test
    void should_accept_a_publish_with_a_configured_token() throws Exception {
        assertThat(post("s3cret-two")).isEqualTo(202);
    }

    @Test
    void should_serve_the_console_page_but_not_its_data_without_a_token() {
        assertThat(bloodbank.http().get("/console/").status()).isEqualTo(200);
        assertThat(bloodbank.http().get("/debug/service").status()).isEqualTo(401);
        assertThat(bloodbank.http().get("/events/stream").status()).isEqualTo(401);
    }

    @Test
    void should_keep_health_open_for_probes() {
        assertThat(bloodbank.http().get("/observe/health").status()).isEqualTo(200);
    }
}
