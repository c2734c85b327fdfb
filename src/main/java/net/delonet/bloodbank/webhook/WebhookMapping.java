package net.delonet.bloodbank.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Message;

/**
 * Turns a SaaS webhook's JSON body into the payload of the event it publishes. Bound in the registry under a name
 * that a webhook route passes as its {@code mapping} parameter.
 */
@FunctionalInterface
public interface WebhookMapping {

    /** The event payload, or null when this call announces nothing to publish (another event or action). */
    Object payload(JsonNode body, Message call);
}
