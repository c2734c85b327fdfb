package net.delonet.bloodbank.rag;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a document scores the sum of
 * {@code 1 / (60 + rank)} over the rankings that hold it. Ranks, not scores, are combined because BM25
 * scores are unbounded and vector similarities are not; they cannot be added without calibration, ranks can.
 * A passage both rankings like beats one that only one of them likes.
 */
final class RankFusion {

    /** The constant of the paper: damps the weight of the very first ranks. */
    private static final int DAMPING = 60;

    record Fused(int doc, double score) {
    }

    private RankFusion() {
    }

    static List<Fused> fuse(int limit, List<ScoreDoc[]> rankings) {
        Map<Integer, Double> scores = new HashMap<>();
        for (ScoreDoc[] ranking : rankings) {
            for (int rank = 0; rank < ranking.length; rank++) {
                scores.merge(ranking[rank].doc, 1.0 / (DAMPING + rank + 1), Double::sum);
            }
        }
        return scores.entrySet().stream()
                .map(entry -> new Fused(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(Fused::doc))
                .limit(limit)
                .toList();
    }
}
