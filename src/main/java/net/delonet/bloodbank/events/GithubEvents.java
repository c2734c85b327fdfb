package net.delonet.bloodbank.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** Payloads from GitHub webhooks ({@code github.*}). */
public final class GithubEvents {

    private GithubEvents() {
    }

    /** {@code github.pr.created}: a pull request was opened. */
    public record PrCreated(@NotBlank String repository, @Positive Integer number, @NotBlank String title,
            @NotBlank String url, String author, String headBranch, String baseBranch, String body) {
    }
}
