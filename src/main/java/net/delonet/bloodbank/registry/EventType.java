package net.delonet.bloodbank.registry;

/** A registered event type: its routing key, payload record and one line of documentation. */
public record EventType(String name, Class<? extends Record> payload, String description) {
}
