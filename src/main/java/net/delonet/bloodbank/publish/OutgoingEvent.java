package net.delonet.bloodbank.publish;

/** What goes on the wire for one event: the routing key, the AMQP properties it fills, and the envelope JSON. */
public record OutgoingEvent(String eventId, String routingKey, String firstParent, long timestampSeconds, String appId,
        byte[] body) {
}
