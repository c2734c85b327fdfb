package net.delonet.bloodbank.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.Positive;
import net.delonet.bloodbank.events.Shapes.Shape;

/** Payloads from GitHub webhooks ({@code github.*}). */
public final class GithubEvents {

    private GithubEvents() {
    }

    /**
     * {@code github.pr.created}: a pull request was opened. Either the pull request itself, or (as the original
     * producers publish it) a pointer to where it was cached: {@code cache_key}, {@code cache_type} (default redis).
     */
    @Shapes({@Shape(title = "Pull request", required = {"repository", "number", "title", "url"}),
            @Shape(title = "Original producers' cache pointer", required = "cache_key")})
    public record PrCreated(String repository, @Positive Integer number, String title, String url, String author,
            String headBranch, String baseBranch, String body, @JsonInclude(Include.NON_NULL) String cacheKey,
            @JsonInclude(Include.NON_NULL) @JsonProperty(defaultValue = "redis") CacheType cacheType) {

        public PrCreated {
            cacheType = cacheKey != null && cacheType == null ? CacheType.REDIS : cacheType;
        }
    }

    /** Where a cached pull request is kept. */
    public enum CacheType {
        REDIS, MEMORY, FILE;

        @JsonValue
        public String wire() {
            return WireEnums.wire(this);
        }

        @JsonCreator
        public static CacheType of(String value) {
            return WireEnums.of(values(), value);
        }
    }
}
