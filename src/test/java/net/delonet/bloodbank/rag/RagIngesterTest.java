package net.delonet.bloodbank.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import net.delonet.bloodbank.refusal.NonRetryableException;
import net.delonet.bloodbank.events.FirefliesEvents.Processed;
import net.delonet.bloodbank.events.FirefliesEvents.Sentence;
import org.junit.jupiter.api.Test;

/** What ingesting transcripts and artifacts stores and reports, with real all-MiniLM-L6-v2 embeddings. */
class RagIngesterTest extends FreshIndexTestSupport {

    @Test
    void should_summarise_the_ingestion_as_the_processed_event() throws IOException {
        Processed processed = ingester.ingest(Meetings.weeklySync("sync-1")).toProcessed();

        assertThat(processed).extracting(Processed::transcriptId, Processed::ragDocumentId, Processed::title,
                Processed::sentenceCount, Processed::speakerCount, Processed::durationMinutes,
                Processed::vectorStore, Processed::embeddingModel)
                .containsExactly("sync-1", "transcript:sync-1", "Weekly sync", 25, 3, 2.49, "lucene-hnsw",
                        "all-MiniLM-L6-v2");
        assertThat(processed.chunkCount()).isGreaterThan(1).isEqualTo(index.passageCount());
        assertThat(processed.ingestionTimestamp()).isNotNull();
    }

    @Test
    void should_refuse_a_transcript_without_words_and_keep_what_it_had() throws IOException {
        ingester.ingest(Meetings.weeklySync("sync-1"));
        int passages = index.passageCount();
        Sentence blank = new Sentence(1, " ", null, "Dan", "s1", 0.0, 1.0);

        for (List<Sentence> wordless : List.of(List.<Sentence>of(), List.of(blank, blank))) {
            assertThatThrownBy(() -> ingester.ingest(Meetings.ready("sync-1", "Weekly sync", wordless)))
                    .isInstanceOfSatisfying(NonRetryableException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(RagIngester.EMPTY_TRANSCRIPT));
        }
        assertThat(index.passageCount()).isEqualTo(passages);
    }

    @Test
    void should_store_one_passage_for_one_sentence() throws IOException {
        Sentence hello = new Sentence(0, "Hello, can everyone hear me?", null, "Dan", "s1", 0.0, 2.0);

        assertThat(ingester.ingest(Meetings.ready("hello", "Mic check", List.of(hello))).chunkCount()).isOne();
        assertThat(index.passageCount()).isOne();
    }

    @Test
    void should_ingest_a_transcript_of_two_thousand_sentences() throws IOException {
        IngestionSummary summary = ingester.ingest(Meetings.synthetic("long", 2_000, 11));

        assertThat(summary.sentenceCount()).isEqualTo(2_000);
        assertThat(summary.speakerCount()).isEqualTo(4);
        assertThat(summary.durationMinutes()).isEqualTo(120.0);
        assertThat(index.passageCount()).isEqualTo(summary.chunkCount()).isGreaterThan(100);
    }

    @Test
    void should_replace_and_delete_an_artifact() throws IOException {
        ingester.ingestArtifact("notes-1", "Notes", "First draft about the offsite.");
        ArtifactIngestion updated = ingester.ingestArtifact("notes-1", "Notes", "Second draft. ".repeat(200));

        assertThat(updated.ragDocumentId()).isEqualTo("artifact:notes-1");
        assertThat(index.passageCount()).isEqualTo(updated.chunkCount()).isGreaterThan(1);
        ingester.deleteArtifact("notes-1");
        assertThat(index.passageCount()).isZero();
    }
}
