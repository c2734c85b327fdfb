package net.delonet.bloodbank.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid search with real all-MiniLM-L6-v2 embeddings over a hand-written meeting and a document. */
class RagSearchTest {

    @TempDir
    static Path folder;
    private static PassageIndex index;
    private static RagSearch search;

    /** The tests only read: one index for all of them keeps the class fast. */
    @BeforeAll
    static void ingest() throws IOException {
        PassageEmbedder embedder = new PassageEmbedder();
        index = PassageIndex.open(folder);
        search = new RagSearch(index, embedder);
        RagIngester ingester = new RagIngester(index, embedder, ChunkBudget.DEFAULT);
        ingester.ingest(Meetings.weeklySync("sync-1"));
        ingester.ingest(Meetings.synthetic("standup-2", 120, 3));
        ingester.ingestArtifact("runbook-7", "Postgres failover runbook", "When the primary database stops "
                + "answering, promote the replica with pg_ctl promote. Then point the connection pooler at it.");
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void should_find_the_budget_discussion_not_the_holiday_plans_for_a_question_about_money() throws IOException {
        RagHit best = search.search("How much money is left to spend this quarter?", 3, Optional.empty()).get(0);

        assertThat(best.text()).contains("eighty thousand dollars").doesNotContain("skiing");
        assertThat(best).extracting(RagHit::kind, RagHit::transcriptId, RagHit::title, RagHit::startTime)
                .containsExactly("transcript", "sync-1", "Weekly sync", 0.0);
        assertThat(best.speakers()).contains("Alice", "Bob");
    }

    @Test
    void should_find_the_holiday_plans_for_a_question_that_shares_no_word_with_them() throws IOException {
        RagHit best = search.search("Who is away on vacation?", 3, Optional.of("sync-1")).get(0);

        assertThat(best.text()).contains("skiing").doesNotContain("eighty thousand dollars");
        assertThat(best.endTime()).isGreaterThan(best.startTime());
    }

    @Test
    void should_search_only_the_given_transcript() throws IOException {
        List<RagHit> hits = search.search("budget forecast and invoices", 10, Optional.of("standup-2"));

        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.transcriptId()).isEqualTo("standup-2"));
        assertThat(search.search("budget", 5, Optional.of("no-such-meeting"))).isEmpty();
    }

    @Test
    void should_find_artifacts_beside_transcripts() throws IOException {
        RagHit best = search.search("how do I promote the database replica", 3, Optional.empty()).get(0);

        assertThat(best).extracting(RagHit::kind, RagHit::artifactId, RagHit::transcriptId, RagHit::title)
                .containsExactly("artifact", "runbook-7", null, "Postgres failover runbook");
        assertThat(best.speakers()).isEmpty();
    }

    @Test
    void should_answer_nothing_to_a_blank_question() throws IOException {
        assertThat(search.search("  ", 5, Optional.empty())).isEmpty();
        assertThat(search.search("the", 0, Optional.empty())).isEmpty();
    }

    @Test
    void should_rank_by_meaning_alone_when_every_word_is_a_stop_word() throws IOException {
        assertThat(search.search("what is it", 2, Optional.empty())).hasSize(2);
    }
}
