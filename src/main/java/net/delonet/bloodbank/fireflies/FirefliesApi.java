package net.delonet.bloodbank.fireflies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.delonet.bloodbank.envelope.EnvelopeJson;

/**
 * Fireflies' GraphQL API (https://docs.fireflies.ai) over the JDK's HTTP client, with the bearer API key.
 * Every failure becomes a {@link FirefliesException} saying whether trying again may help.
 */
public final class FirefliesApi {

    static final String TRANSCRIPT = """
            query Transcript($id: String!) { transcript(id: $id) {
              id title date duration transcript_url audio_url video_url host_email organizer_email participants
              meeting_attendees { displayName email name }
              speakers { id name }
              sentences { index speaker_name speaker_id text raw_text start_time end_time }
              summary { keywords action_items outline overview shorthand_bullet short_summary }
              user { user_id email name } } }""";

    static final String UPLOAD_AUDIO = """
            mutation UploadAudio($input: AudioUploadInput) { uploadAudio(input: $input) { success title message } }""";

    private final URI url;
    private final String apiKey;
    private final Duration timeout;
    private volatile HttpClient client;

    public FirefliesApi(URI url, String apiKey, Duration timeout) {
        this.url = url;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** Made on the first call, not at start-up: many installations never call Fireflies. */
    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(timeout).build();
                }
                current = client;
            }
        }
        return current;
    }

    /** The transcript as Fireflies returns it (the fields of {@link #TRANSCRIPT}). */
    public JsonNode transcript(String id) {
        JsonNode transcript = call(TRANSCRIPT, EnvelopeJson.mapper().createObjectNode().put("id", id)).path("transcript");
        if (!transcript.isObject()) {
            throw FirefliesException.permanent("object_not_found", "Fireflies has no transcript " + id);
        }
        return transcript;
    }

    /** Asks Fireflies to fetch and transcribe the media at {@code mediaUrl}; the answer's {@code uploadAudio}. */
    public JsonNode uploadAudio(String mediaUrl, String title, String clientReferenceId) {
        ObjectNode variables = EnvelopeJson.mapper().createObjectNode();
        variables.putObject("input").put("url", mediaUrl).put("title", title).put("client_reference_id", clientReferenceId);
        JsonNode upload = call(UPLOAD_AUDIO, variables).path("uploadAudio");
        if (!upload.path("success").asBoolean(false)) {
            throw FirefliesException.permanent("upload_refused", "Fireflies refused the upload: " + upload.path("message").asText("no reason given"));
        }
        return upload;
    }

    /** The {@code data} of a GraphQL call. */
    JsonNode call(String query, ObjectNode variables) {
        if (apiKey == null || apiKey.isBlank()) {
            throw FirefliesException.permanent("no_api_key", "FIREFLIES_API_KEY is not set: Bloodbank cannot call Fireflies");
        }
        ObjectNode body = EnvelopeJson.mapper().createObjectNode().put("query", query);
        body.set("variables", variables);
        HttpResponse<byte[]> response = send(body);
        int status = response.statusCode();
        JsonNode answer;
        try {
            answer = EnvelopeJson.mapper().readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer != null && answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
            throw GraphQlErrors.from(answer.path("errors").get(0), status);
        }
        if (status == 401 || status == 403) {
            throw FirefliesException.permanent("auth_failed", "Fireflies refused the API key (HTTP " + status + ")");
        }
        if (status == 429 || status >= 500) {
            throw FirefliesException.retryable("http_" + status, "Fireflies is unavailable (HTTP " + status + ")");
        }
        if (status >= 300 || answer == null || !answer.path("data").isObject()) {
            throw FirefliesException.permanent("malformed_answer", "Fireflies answered HTTP " + status + " without usable JSON data");
        }
        return answer.path("data");
    }

    private HttpResponse<byte[]> send(ObjectNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EnvelopeJson.mapper().writeValueAsBytes(body))).build();
            return client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw FirefliesException.retryable("unreachable", "Fireflies did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FirefliesException.retryable("interrupted", "Interrupted while calling Fireflies");
        }
    }
}
