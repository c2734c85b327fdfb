package net.delonet.bloodbank.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The index on disk: replaced not duplicated, durable across reopening, searchable while written. */
class PassageIndexTest extends FreshIndexTestSupport {

    @Test
    void should_replace_the_passages_when_the_same_transcript_comes_again() throws IOException {
        int first = ingester.ingest(Meetings.weeklySync("sync-1")).chunkCount();
        int second = ingester.ingest(Meetings.weeklySync("sync-1")).chunkCount();

        assertThat(second).isEqualTo(first);
        assertThat(index.passageCount()).isEqualTo(first);
    }

    @Test
    void should_keep_the_passages_when_the_index_is_closed_and_opened_again() throws IOException {
        int chunks = ingester.ingest(Meetings.weeklySync("sync-1")).chunkCount();
        index.close();

        index = PassageIndex.open(folder);
        assertThat(index.passageCount()).isEqualTo(chunks);
        assertThat(new RagSearch(index, embedder).search("laptops", 1, Optional.empty()).get(0).transcriptId())
                .isEqualTo("sync-1");
    }

    @Test
    void should_answer_searches_from_whole_versions_while_a_transcript_is_replaced() throws Exception {
        int chunks = ingester.ingest(Meetings.weeklySync("sync-1")).chunkCount();
        RagSearch search = new RagSearch(index, embedder);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> rewrites = writer.submit(() -> {
            for (int i = 0; i < 5; i++) {
                ingester.ingest(Meetings.weeklySync("sync-1"));
            }
            return null;
        });
        int searches = 0;
        while (!rewrites.isDone() || searches == 0) {
            assertThat(search.search("budget", 100, Optional.of("sync-1"))).hasSize(chunks);
            searches++;
        }
        rewrites.get();
        writer.shutdown();
    }
}
