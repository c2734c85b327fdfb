package net.delonet.bloodbank.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Deterministic event ids, byte-compatible with the Python original's uuid5(NAMESPACE_OID, ...). */
public final class EventIds {

    static final UUID NAMESPACE_OID = UUID.fromString("6ba7b812-9dad-11d1-80b4-00c04fd430c8");

    private EventIds() {
    }

    /** {@code uuid5(NAMESPACE_OID, "bloodbank:" + type + ":" + k1=v1|k2=v2)} with keys in code-point order. */
    public static UUID deterministic(String eventType, Map<String, ?> key) {
        // TreeMap's natural String order is UTF-16 code-unit order: equal to code points for the BMP,
        // which is what Python's sorted() uses for the keys we accept.
        String joined = new TreeMap<>(key).entrySet().stream()
                .map(e -> e.getKey() + "=" + pythonStr(e.getValue()))
                .collect(Collectors.joining("|"));
        return uuid5(NAMESPACE_OID, "bloodbank:" + eventType + ":" + joined);
    }

    /** How Python's {@code str()} writes the JSON scalars an idempotency key may hold. */
    static String pythonStr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value.toString();
    }

    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
