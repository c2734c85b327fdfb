package net.delonet.bloodbank.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Who may call the API. With tokens configured, a request needs {@code Authorization: Bearer <token>}
 * (compared in constant time); without, only loopback clients are served. Webhooks authenticate by their
 * signature, health and metrics stay open for probes, recordings carry their own expiring token; the console's
 * static files are open when tokens are set (the browser asks for the token; the data calls carry it).
 */
public final class ApiAuth {

    /** The verdict on one request: null when it may pass, else the status and message to answer with. */
    public record Refusal(int status, String message) {
    }

    private static final List<String> OPEN_PATHS = List.of("/webhooks/", "/observe/", "/recordings/", "/q/dev");

    /** The console's page and scripts (they hold no data): what a browser must load to reach the token entry. */
    public static final String CONSOLE_PATH = "/console/";

    private final List<byte[]> tokenDigests;

    public ApiAuth(String commaSeparatedTokens) {
        this.tokenDigests = Arrays.stream(commaSeparatedTokens == null ? new String[0] : commaSeparatedTokens.split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).map(ApiAuth::digest).toList();
    }

    public boolean tokensConfigured() {
        return !tokenDigests.isEmpty();
    }

    public Refusal check(String path, String remoteAddress, String authorization) {
        if (OPEN_PATHS.stream().anyMatch(path::startsWith)) {
            return null;
        }
        // A browser cannot send a bearer token when it opens a page: with tokens, the console's static files are
        // served to anyone and every API call they make carries the token; without, they are loopback-only like the API.
        if (tokensConfigured() && (path.equals("/") || path.startsWith(CONSOLE_PATH))) {
            return null;
        }
        if (!tokensConfigured()) {
            return isLoopback(remoteAddress) ? null
                    : new Refusal(403, "Only loopback clients are served until BLOODBANK_API_TOKENS is set");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Refusal(401, "Authorization: Bearer <token> is required");
        }
        byte[] given = digest(authorization.substring(7).trim());
        boolean known = false;
        for (byte[] token : tokenDigests) {
            // Digests have one length, so the comparison time says nothing about the token.
            known |= MessageDigest.isEqual(token, given);
        }
        return known ? null : new Refusal(401, "The bearer token is not valid");
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
