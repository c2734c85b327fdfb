package net.delonet.bloodbank.live;

import java.nio.charset.StandardCharsets;

/** A message as it went through the exchange: its routing key (the event type), message id and body (the envelope). */
public record LiveEvent(String routingKey, String messageId, byte[] body) {

    /** The envelope on one line: Bloodbank writes compact JSON; other producers' line breaks are folded. */
    public String bodyLine() {
        return new String(body, StandardCharsets.UTF_8).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
