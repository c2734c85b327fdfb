package net.delonet.bloodbank.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Seeded generators of hostile input: JSON values, mutated bodies, parameter values, HTTP framing. Pure. */
final class Mutations {

    static final List<String> VALUES = List.of("null", "true", "false", "0", "-0", "1e400", "-1e400", "1e-400", "NaN", "Infinity",
            "-Infinity", "123456789012345678901234567890", "1.5", "-1", "\"\"", "\" \"", "\"a.b\"", "\"A.B\"", "\"a.*\"", "\"#\"",
            "\"\\u0000\"", "\"\\ud800\"", "\"x\\ny\"", "[]", "{}", "[1,[2,[3]]]", "{\"a\":{\"b\":{}}}", "\"2025-10-18T12:00:00Z\"",
            "\"2025-13-45T99:99:99Z\"", "\"not-a-uuid\"", "\"6ba7b812-9dad-11d1-80b4-00c04fd430c8\"", "\"claude-code\"", "\"skynet\"",
            "\"manual\"", "\"<script>\"", "\"%00\"", "\"\\r\\nX-Injected: 1\"");
    static final List<String> FIELDS = List.of("event_id", "event_type", "timestamp", "version", "source", "correlation_ids",
            "correlation_id", "agent_context", "payload", "idempotency_key", "source.host", "source.type", "source.app",
            "agent_context.type", "payload.x", "payload.duration", "payload.media_file");
    static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xff}, new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {0}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80});
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8", "application/x+json",
            "text/plain", "image/png", "application/json; charset=latin1", "", "application/xml", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "*/*", "application/json;;;", "APPLICATION/JSON");

    private final Random random;

    Mutations(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A string of up to {@code max} characters: printable, unicode, control characters and separators mixed. */
    String text(int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(kind < 6 ? (char) ('a' + random.nextInt(26)) : kind < 7 ? ".*#-_ /%&=?+"
                    .charAt(random.nextInt(12)) : kind < 8 ? (char) random.nextInt(0x20) : kind < 9 ? "éü中😀".charAt(random.nextInt(5))
                    : (char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    /** A JSON string literal of {@link #text}. */
    String jsonString(int max) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text(max).toCharArray()) {
            json.append(c == '"' || c == '\\' ? "\\" + c : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return json.append('"').toString();
    }

    /** {@code body} with one to three mutations: a field replaced or dropped, bytes inserted, cut, or appended. */
    byte[] mutate(String envelope) {
        String json = envelope;
        int mutations = 1 + random.nextInt(3);
        byte[] bytes = null;
        for (int i = 0; i < mutations; i++) {
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> json = replace(json, pick(FIELDS), chance(70) ? pick(VALUES) : jsonString(40));
                case 3 -> json = json.replaceFirst("\"" + pick(FIELDS).replaceAll(".*\\.", "") + "\":", "\"zz_dropped\":");
                default -> bytes = bytes(bytes == null ? json.getBytes(StandardCharsets.UTF_8) : bytes);
            }
        }
        return bytes == null ? json.getBytes(StandardCharsets.UTF_8) : bytes;
    }

    private String replace(String json, String path, String value) {
        String[] parts = path.split("\\.");
        String key = "\"" + parts[parts.length - 1] + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            return json.substring(0, json.length() - 1) + (json.length() > 2 ? "," : "") + key + value + "}";
        }
        int start = at + key.length();
        int end = valueEnd(json, start);
        return json.substring(0, start) + value + json.substring(end);
    }

    /** The end of the JSON value starting at {@code start} (good enough for the well-formed envelopes mutated). */
    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean string = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    string = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                string = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private byte[] bytes(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(body.length + 1);
        switch (random.nextInt(4)) {
            case 0 -> { // invalid UTF-8 or a NUL inside
                out.write(body, 0, at);
                out.writeBytes(pick(BAD_BYTES));
                out.write(body, at, body.length - at);
            }
            case 1 -> out.write(body, 0, at); // cut short
            case 2 -> { // trailing data: garbage, a second document, NUL, whitespace (fine)
                out.writeBytes(body);
                out.writeBytes(pick(List.of("x", "{}", "\u0000", " \n\t", "]", "{\"event_type\":\"a.b\",\"payload\":{}}"))
                        .getBytes(StandardCharsets.UTF_8));
            }
            default -> { // a random byte flipped
                out.writeBytes(body);
                byte[] flipped = out.toByteArray();
                if (flipped.length > 0) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return flipped;
            }
        }
        return out.toByteArray();
    }

    /** A query parameter value: sane, hostile text, percent-encoded bytes (control, invalid UTF-8), numbers. */
    String parameterValue() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(List.of("ancestors", "descendants", "5", "0", "-1", "x", "99999999999", "#", "llm.*", "a..b", ""));
            case 1 -> "%" + String.format("%02X", random.nextInt(256)) + (chance(50) ? "%" + String.format("%02X", random.nextInt(256)) : "");
            case 2 -> pick(List.of("%0d%0aSet-Cookie:%20x", "%00", "%zz", "%", "%C0%AF", "%ED%A0%80", "a%20b", "%E2%82"));
            default -> java.net.URLEncoder.encode(text(30), StandardCharsets.UTF_8);
        };
    }
}
