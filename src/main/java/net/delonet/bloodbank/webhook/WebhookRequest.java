package net.delonet.bloodbank.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.delonet.bloodbank.envelope.EnvelopeRequests;
import net.delonet.bloodbank.envelope.JsonBody;
import net.delonet.bloodbank.envelope.Source;
import net.delonet.bloodbank.envelope.TriggerType;
import net.delonet.bloodbank.refusal.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step of the webhook template: an authenticated call's JSON body becomes the envelope request of
 * {@code eventType} — the body itself as payload, or what the named {@link WebhookMapping} makes of it. When the
 * mapping says "nothing to publish", the call is answered 200 {@code {"status":"ignored"}} and {@link #IGNORED} set.
 * A delivery id header (e.g. X-GitHub-Delivery) makes redeliveries publish the same event id.
 */
public final class WebhookRequest implements Processor {

    public static final String IGNORED = "bloodbank.webhookIgnored";

    private String eventType;
    private String sourceApp = "webhook";
    private String sourceHost = "webhook";
    private String mapping = "";
    private String deliveryIdHeader = "";

    @Override
    public void process(Exchange exchange) throws Exception {
        JsonNode body = JsonBody.parse(exchange.getMessage().getBody(byte[].class));
        if (body == null) {
            throw ApiException.badRequest("body", "Body is required: the webhook's JSON");
        }
        Object payload = mapping == null || mapping.isBlank() ? body
                : exchange.getContext().getRegistry().lookupByNameAndType(mapping, WebhookMapping.class).payload(body, exchange.getMessage());
        if (payload == null) {
            exchange.getMessage().setHeader(IGNORED, true);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody("{\"status\":\"ignored\"}");
            return;
        }
        ObjectNode request = EnvelopeRequests.request(eventType, payload, List.of(), new Source(sourceHost, TriggerType.HOOK, sourceApp, null));
        String delivery = deliveryIdHeader == null || deliveryIdHeader.isBlank() ? null
                : exchange.getMessage().getHeader(deliveryIdHeader, String.class);
        exchange.getMessage().setBody(delivery == null ? request : EnvelopeRequests.withKey(request, Map.of("delivery", delivery)));
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public void setSourceApp(String sourceApp) {
        this.sourceApp = sourceApp;
    }

    public void setSourceHost(String sourceHost) {
        this.sourceHost = sourceHost;
    }

    public void setMapping(String mapping) {
        this.mapping = mapping;
    }

    public void setDeliveryIdHeader(String deliveryIdHeader) {
        this.deliveryIdHeader = deliveryIdHeader;
    }
}
