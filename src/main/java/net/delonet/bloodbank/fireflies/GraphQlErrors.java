package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Fireflies' documented GraphQL error shape ({@code message, code, extensions.status}) as a {@link FirefliesException}. */
final class GraphQlErrors {

    private static final Set<String> RETRYABLE = Set.of("too_many_requests", "internal_server_error", "service_unavailable");

    private GraphQlErrors() {
    }

    static FirefliesException from(JsonNode error, int httpStatus) {
        String code = error.path("code").asText(error.path("extensions").path("code").asText("graphql_error"));
        int status = error.path("extensions").path("status").asInt(httpStatus);
        String message = "Fireflies answered " + code + ": " + error.path("message").asText("no message");
        return RETRYABLE.contains(code) || status == 429 || status >= 500
                ? FirefliesException.retryable(code, message) : FirefliesException.permanent(code, message);
    }
}
