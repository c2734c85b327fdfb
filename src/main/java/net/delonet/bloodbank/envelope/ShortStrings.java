package net.delonet.bloodbank.envelope;

import net.delonet.bloodbank.refusal.ApiException;

/**
 * AMQP carries its properties (routing key, type, app_id, message_id, correlation_id) as short strings of at most
 * 255 bytes of UTF-8. A longer value cannot be encoded and fails the publish half-way, so it is refused up front.
 * The ids are UUIDs (36 bytes) by construction; event_type (routing key and type) and source.app are checked.
 */
final class ShortStrings {

    static final int MAX_BYTES = 255;

    private ShortStrings() {
    }

    static void check(EventEnvelope event) {
        check("event_type", event.eventType());
        check("source.app", event.source().app());
    }

    private static void check(String field, String value) {
        if (value != null && !fits(value)) {
            throw ApiException.invalid(field, field + " must be at most " + MAX_BYTES
                    + " bytes of UTF-8 (an AMQP short string)");
        }
    }

    /** Counted without encoding; most values are decided by their length alone. */
    private static boolean fits(String value) {
        int chars = value.length();
        if (chars > MAX_BYTES || chars * 3 <= MAX_BYTES) {
            return chars <= MAX_BYTES; // each character is 1 to 3 bytes (a surrogate pair: 4 for 2 characters)
        }
        int bytes = 0;
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes <= MAX_BYTES;
    }
}
