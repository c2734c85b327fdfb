package net.delonet.bloodbank.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import net.delonet.bloodbank.testing.NetNamespace;
import net.delonet.bloodbank.testing.RedisProbe;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seen from another host (a network namespace): the developer console and every other management path follow the
 * API's access rule; only health and metrics stay open. Refusals say how to authenticate and are counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementAccessTest {

    private NetNamespace client;

    @BeforeAll
    void namespace() {
        client = NetNamespace.create().orElse(null);
        assumeTrue(client != null, "Skipped: no network namespace could be made (needs root, ip and curl)");
    }

    @AfterAll
    void removeNamespace() {
        if (client != null) {
            client.close();
        }
    }

    private String url(RunningBloodbank bloodbank, String path) {
        return "http://" + client.hostAddress() + ":" + bloodbank.port() + path;
    }

    @Test
    void should_refuse_the_dev_console_without_a_token_and_publish_nothing() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String envelope = "{\"event_id\":\"" + eventId + "\",\"event_type\":\"mgmt.test.sent\",\"payload\":{}}";
        try (RunningBloodbank bloodbank = RunningBloodbank.start(Map.of("bloodbank.api-tokens", "tok1,tok2"));
             RedisProbe redis = new RedisProbe()) {
            NetNamespace.Answer send = client.curl("GET", url(bloodbank, "/q/dev/send?endpoint=direct:publish&body="
                    + URLEncoder.encode(envelope, StandardCharsets.UTF_8)));

            assertThat(send.status()).isEqualTo(401);
            assertThat(send.headers().get("www-authenticate")).startsWith("Bearer");
            assertThat(send.body()).contains("\"status\":401");
            assertThat(redis.redis().exists("bloodbank:correlation:forward:" + eventId)).isZero();
            assertThat(client.curl("GET", url(bloodbank, "/q/dev/context"), "Authorization: Bearer tok2").status())
                    .isNotIn(401, 403);
            assertThat(client.curl("GET", url(bloodbank, "/observe/health")).status()).isEqualTo(200);
            assertThat(client.curl("GET", url(bloodbank, "/observe/health/ready")).status()).isEqualTo(200);
            assertThat(client.curl("GET", url(bloodbank, "/observe/metrics")).body())
                    .contains("bloodbank_api_refused_total{status=\"401\"} 1.0");
        }
    }

    @Test
    void should_refuse_route_control_from_another_host_when_no_tokens_are_set() throws Exception {
        try (RunningBloodbank bloodbank = RunningBloodbank.start()) {
            NetNamespace.Answer stop = client.curl("GET", url(bloodbank, "/q/dev/route?action=stop&filter=*"));

            assertThat(stop.status()).isEqualTo(403);
            assertThat(stop.body()).contains("\"status\":403");
            assertThat(bloodbank.http().post("/events", "{\"event_type\":\"mgmt.test.done\",\"payload\":{}}").status())
                    .isEqualTo(202);
            assertThat(client.curl("GET", url(bloodbank, "/observe/info")).status()).isEqualTo(403);
            assertThat(client.curl("GET", url(bloodbank, "/observe/metrics")).body())
                    .contains("bloodbank_api_refused_total{status=\"403\"} 2.0");
        }
    }
}
