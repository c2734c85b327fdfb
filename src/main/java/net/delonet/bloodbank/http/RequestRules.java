package net.delonet.bloodbank.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.delonet.bloodbank.refusal.ApiException;

/**
 * The rules every API request meets before a route sees it (DESIGN.md, "HTTP API"), in one place for every endpoint:
 * a body is JSON ({@code application/json} or {@code +json}, UTF-8; no content type is read as JSON), uncompressed,
 * and query parameters are text without control characters. A refusal is the JSON error naming what is wrong.
 */
public final class RequestRules implements Handler<RoutingContext> {

    /** Camel's own endpoints (health, metrics, developer console) keep their own rules. */
    private static final List<String> CAMELS_OWN = List.of("/observe/", "/q/");
    private static final List<HttpMethod> WITH_BODY = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ErrorAnswer errors;

    public RequestRules(ErrorAnswer errors) {
        this.errors = errors;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiException refusal;
        try {
            // The path first: Vert.x's own decoding of it (normalizedPath, path parameters) fails on a bad escape.
            refusal = !wellEncoded(ctx.request().path()) ? ApiException.badRequest("path",
                            "The path must be valid percent-encoding without control characters")
                    : CAMELS_OWN.stream().anyMatch(ctx.normalizedPath()::startsWith) ? null
                    : refusal(ctx.request().method(), ctx.request().getHeader("Content-Type"),
                            ctx.request().getHeader("Content-Encoding"), ctx.queryParams());
        } catch (IllegalArgumentException e) {
            refusal = ApiException.badRequest("query", "The query string is not valid percent-encoding");
        }
        if (refusal == null) {
            ctx.next();
        } else {
            errors.answer(ctx, refusal);
        }
    }

    static ApiException refusal(HttpMethod method, String contentType, String contentEncoding, MultiMap query) {
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.trim().equalsIgnoreCase("identity")) {
            return new ApiException(415, "Content-Encoding", "Content-Encoding " + contentEncoding
                    + " is not accepted: send the body uncompressed");
        }
        if (WITH_BODY.contains(method) && contentType != null && !isJson(contentType)) {
            return new ApiException(415, "Content-Type", "Content-Type must be application/json (UTF-8), not " + contentType);
        }
        for (Map.Entry<String, String> parameter : query) {
            if (hasControlCharacter(parameter.getKey()) || hasControlCharacter(parameter.getValue())) {
                String name = printable(parameter.getKey());
                return ApiException.badRequest(name, name + " must not contain control characters");
            }
        }
        return null;
    }

    /** application/json or application/*+json, with no charset or UTF-8. */
    static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].trim();
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equals("charset")
                    && (parameter.length < 2 || !parameter[1].trim().replace("\"", "").equals("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /** A path every segment of which decodes (as path parameters are decoded) to text without control characters. */
    static boolean wellEncoded(String path) {
        try {
            return path == null || !hasControlCharacter(java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** A parameter's name as it can be shown in an answer: its control characters percent-encoded, as sent. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.chars().forEach(c -> shown.append(c < 0x20 || c == 0x7f ? String.format("%%%02X", c) : String.valueOf((char) c)));
        return shown.toString();
    }
}
