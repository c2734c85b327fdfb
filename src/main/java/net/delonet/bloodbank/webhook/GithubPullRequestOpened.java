package net.delonet.bloodbank.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import net.delonet.bloodbank.events.GithubEvents;
import org.apache.camel.Message;

/** GitHub's {@code pull_request} webhook with action {@code opened} as {@code github.pr.created}; other calls ignored. */
public final class GithubPullRequestOpened implements WebhookMapping {

    @Override
    public Object payload(JsonNode body, Message call) {
        String event = call.getHeader("X-GitHub-Event", String.class);
        if (event != null && !"pull_request".equals(event) || !"opened".equals(body.path("action").asText())) {
            return null;
        }
        JsonNode pr = body.path("pull_request");
        return new GithubEvents.PrCreated(body.path("repository").path("full_name").asText(null),
                pr.path("number").isInt() ? pr.path("number").asInt() : body.path("number").asInt(),
                pr.path("title").asText(null), pr.path("html_url").asText(null), pr.path("user").path("login").asText(null),
                pr.path("head").path("ref").asText(null), pr.path("base").path("ref").asText(null), pr.path("body").asText(null), null, null);
    }
}
