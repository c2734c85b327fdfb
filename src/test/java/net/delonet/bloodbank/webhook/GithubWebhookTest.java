package net.delonet.bloodbank.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.delonet.bloodbank.envelope.EnvelopeJson;
import net.delonet.bloodbank.envelope.EventIds;
import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.BrokerProbe;
import net.delonet.bloodbank.testing.HttpApi;
import net.delonet.bloodbank.testing.HttpApi.Answer;
import org.junit.jupiter.api.Test;

/** routes/github-webhook.camel.yaml: a webhook added by YAML alone, called as GitHub calls it. */
@BloodbankTest({"bloodbank.github.webhook-secret=" + GithubWebhookTest.SECRET, "bloodbank.watch.enabled=false"})
class GithubWebhookTest {

    static final String SECRET = "github-test-secret";
    private HttpApi api;
    private BrokerProbe broker;

    static String signed(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String pullRequest(String action, String repo) {
        return """
                {"action":"%s","number":42,"repository":{"full_name":"%s"},
                 "pull_request":{"number":42,"title":"Add the watcher","html_url":"https://github.com/%s/pull/42",
                   "user":{"login":"jarad"},"head":{"ref":"ingress"},"base":{"ref":"main"},"body":"Watches ~/Recordings"}}"""
                .formatted(action, repo, repo);
    }

    @Test
    void should_publish_an_opened_pull_request_as_github_pr_created() throws Exception {
        String repo = "delonet/t" + UUID.randomUUID().toString().substring(0, 8);
        String queue = broker.queueBoundTo("github.pr.created");
        String body = pullRequest("opened", repo);
        String delivery = UUID.randomUUID().toString();
        Answer answer = api.post("/webhooks/github", body, Map.of("X-Hub-Signature-256", signed(body),
                "X-GitHub-Event", "pull_request", "X-GitHub-Delivery", delivery));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("event_id").asText())
                .isEqualTo(EventIds.deterministic("github.pr.created", Map.of("delivery", delivery)).toString());
        JsonNode event = broker.drain(queue, 1500).stream().map(m -> read(m.getBody()))
                .filter(e -> e.at("/payload/repository").asText().equals(repo)).findFirst().orElseThrow();
        assertThat(event.at("/source/type").asText()).isEqualTo("hook");
        assertThat(event.at("/source/app").asText()).isEqualTo("github");
        assertThat(event.get("payload")).isEqualTo(EnvelopeJson.mapper().readTree("""
                {"repository":"%s","number":42,"title":"Add the watcher","url":"https://github.com/%s/pull/42",
                 "author":"jarad","head_branch":"ingress","base_branch":"main","body":"Watches ~/Recordings"}""".formatted(repo, repo)));
    }

    @Test
    void should_ignore_other_events_and_actions() throws Exception {
        String ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";
        Answer answer = api.post("/webhooks/github", ping, Map.of("X-Hub-Signature-256", signed(ping), "X-GitHub-Event", "ping"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("ignored");
        String closed = pullRequest("closed", "delonet/bloodbank");
        assertThat(api.post("/webhooks/github", closed, Map.of("X-Hub-Signature-256", signed(closed),
                "X-GitHub-Event", "pull_request")).json().get("status").asText()).isEqualTo("ignored");
    }

    @Test
    void should_refuse_unsigned_and_wrongly_signed_calls() throws Exception {
        String body = pullRequest("opened", "delonet/forged");
        assertThat(api.post("/webhooks/github", body, Map.of("X-GitHub-Event", "pull_request")).status()).isEqualTo(401);
        Answer forged = api.post("/webhooks/github", body, Map.of("X-Hub-Signature-256", signed(body + " "), "X-GitHub-Event", "pull_request"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("error").asText()).contains("does not match");
    }

    private static JsonNode read(byte[] body) {
        try {
            return EnvelopeJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
