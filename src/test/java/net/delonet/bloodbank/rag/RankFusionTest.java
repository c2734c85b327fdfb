package net.delonet.bloodbank.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void should_rank_what_both_rankings_hold_above_what_only_one_ranks_first() {
        ScoreDoc[] vector = {doc(1), doc(2), doc(3)};
        ScoreDoc[] keyword = {doc(4), doc(3)};

        List<RankFusion.Fused> fused = RankFusion.fuse(3, List.of(vector, keyword));

        assertThat(fused).extracting(RankFusion.Fused::doc).containsExactly(3, 1, 4);
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 63 + 1.0 / 62);
    }

    @Test
    void should_answer_nothing_from_empty_rankings() {
        assertThat(RankFusion.fuse(5, List.of(new ScoreDoc[0], new ScoreDoc[0]))).isEmpty();
    }

    private static ScoreDoc doc(int id) {
        return new ScoreDoc(id, 1f);
    }
}
