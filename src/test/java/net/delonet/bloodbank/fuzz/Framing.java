package net.delonet.bloodbank.fuzz;

import java.util.List;

/** Requests as text with broken HTTP/1.1 framing: request line, headers, lengths, chunks. One defect each. */
final class Framing {

    private Framing() {
    }

    static String broken(Mutations gen, String body) {
        String head = "POST /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n";
        int length = body.length();
        // A body shorter than announced waits for the body deadline: rare, or the run would be mostly waiting.
        return switch (gen.chance(3) ? 11 : gen.pick(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))) {
            case 0 -> head + "Transfer-Encoding: chunked\r\n\r\n" + gen.pick(List.of("zz", "-1", "ffffffffffffffffff", "1;", " ", "0x10"))
                    + "\r\n" + body + "\r\n0\r\n\r\n";
            case 1 -> head + "Content-Length: " + gen.pick(List.of("-1", "abc", "1e3", " ", "+5", "99999999999999999999")) + "\r\n\r\n" + body;
            case 2 -> head + "Content-Length: " + length + "\r\nContent-Length: " + (length + 1) + "\r\n\r\n" + body;
            case 3 -> head + "Content-Length: " + length + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body;
            case 4 -> head + "Transfer-Encoding: " + gen.pick(List.of("gzip", "identity", "chunked, chunked", "x")) + "\r\n\r\n" + body;
            case 5 -> gen.pick(List.of("POST /events HTTP/9.9", "POST  /events HTTP/1.1", "POST /events", "post /events HTTP/1.1",
                    "POST http://x/events HTTP/1.1", "\u0000POST /events HTTP/1.1", "POST /ev ents HTTP/1.1", "GARBAGE"))
                    + "\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n" + body;
            case 6 -> head + gen.pick(List.of("No colon here", "X-Nul: a\u0000b", ": empty-name", "X-Fold: a\r\n folded", "X-Bad\u0001: 1"))
                    + "\r\nContent-Length: " + length + "\r\n\r\n" + body;
            case 7 -> head + "X-Long: " + "a".repeat(9000) + "\r\nContent-Length: " + length + "\r\n\r\n" + body;
            case 8 -> "POST /events?" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + length
                    + "\r\n\r\n" + body;
            case 9 -> head + "Content-Length: " + length + "\r\n\r\n" + body + gen.pick(List.of("GARBAGE\r\n\r\n", "\u0000\u0000", "GET / HTTP/1.1\r\n\r\n"));
            case 10 -> head + "Content-Encoding: " + gen.pick(List.of("gzip", "deflate", "br", "identity, gzip")) + "\r\nContent-Length: "
                    + length + "\r\n\r\n" + body;
            default -> head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length + gen.pick(List.of(-3, 5, 100)))
                    + "\r\n" + body + "\r\n0\r\n\r\n";
        };
    }
}
