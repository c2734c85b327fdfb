package net.delonet.bloodbank.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Bloodbank's HTTP API as the command line and the MCP server call it. Answers are JSON; a refusal becomes a
 * {@link ServiceError} (status and field), an unreachable or unavailable service a {@link ServiceUnreachable}.
 */
public final class BloodbankClient {

    public static final String DEFAULT_URL = "http://localhost:8682";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    public BloodbankClient(String baseUrl, String token, Duration connectTimeout, Duration timeout) {
        // HTTP/1.1: server-sent events stream over a plain chunked response, no h2c upgrade dance.
        this(baseUrl, token, timeout, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build());
    }

    private BloodbankClient(String baseUrl, String token, Duration timeout, HttpClient http) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token == null || token.isBlank() ? null : token;
        this.timeout = timeout;
        this.http = http;
    }

    /** The same client calling with another bearer token (the MCP endpoint passes on its caller's). */
    public BloodbankClient withToken(String otherToken) {
        return new BloodbankClient(base, otherToken, timeout, http);
    }

    /** {@code BLOODBANK_URL} (default http://localhost:8682) and {@code BLOODBANK_TOKEN} (sent as a bearer token). */
    public static BloodbankClient fromEnvironment(Duration connectTimeout, Duration timeout) {
        String url = System.getenv("BLOODBANK_URL");
        return new BloodbankClient(url == null || url.isBlank() ? DEFAULT_URL : url, System.getenv("BLOODBANK_TOKEN"),
                connectTimeout, timeout);
    }

    public String baseUrl() {
        return base;
    }

    public JsonNode get(String pathAndQuery) {
        return json(send(request(pathAndQuery).GET(), timeout));
    }

    public JsonNode post(String path, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return json(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), timeout));
    }

    /** A long-lived GET (server-sent events): the timeout covers the answer's headers; the caller reads the body until it ends. */
    public InputStream stream(String pathAndQuery) {
        HttpResponse<InputStream> response = send(request(pathAndQuery).header("Accept", "text/event-stream").GET(), timeout);
        return response.body();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<InputStream> send(HttpRequest.Builder request, Duration readTimeout) {
        if (readTimeout != null) {
            request.timeout(readTimeout);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ServiceUnreachable("Bloodbank at " + base + " did not answer within " + seconds(readTimeout) + " s", e);
        } catch (IOException e) {
            throw new ServiceUnreachable("Bloodbank is unreachable at " + base + " (" + reason(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachable("Interrupted while calling Bloodbank at " + base, e);
        }
        if (response.statusCode() >= 400) {
            throw refusal(response);
        }
        return response;
    }

    private RuntimeException refusal(HttpResponse<InputStream> response) {
        JsonNode body = json(response);
        String message = body.path("error").asText(body.isMissingNode() || body.isEmpty() ? "" : body.toString());
        if (message.isEmpty()) {
            message = "HTTP " + response.statusCode();
        }
        if (response.statusCode() == 503) {
            return new ServiceUnreachable("Bloodbank is unavailable: " + message, null);
        }
        return new ServiceError(response.statusCode(), body.path("field").asText(null), message);
    }

    private static JsonNode json(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String seconds(Duration timeout) {
        return BigDecimal.valueOf(timeout.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
