package net.delonet.bloodbank.rag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Hybrid search over the passages: the query's embedding against the HNSW graph (meaning) and its words
 * against BM25 (names, numbers, jargon the model does not know), fused by {@link RankFusion}.
 */
public final class RagSearch {

    /** How deep each ranking is read before fusing: enough for a passage ranked well by one side to surface. */
    private static final int MIN_DEPTH = 50;

    private final PassageIndex index;
    private final PassageEmbedder embedder;

    public RagSearch(PassageIndex index, PassageEmbedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    /** The {@code k} best passages for {@code query}, only from one transcript when one is given. */
    public List<RagHit> search(String query, int k, Optional<String> transcriptId) throws IOException {
        if (query == null || query.isBlank() || k < 1) {
            return List.of();
        }
        int depth = Math.max(MIN_DEPTH, 4 * k);
        Query filter = transcriptId.map(id -> new TermQuery(
                new Term(PassageFields.DOCUMENT_ID, RagSource.transcript(id, null).documentId()))).orElse(null);
        float[] vector = embedder.embed(query);
        Optional<Query> keywords = keywordQuery(query, filter);
        return index.search(searcher -> {
            List<ScoreDoc[]> rankings = new ArrayList<>();
            rankings.add(searcher.search(new KnnFloatVectorQuery(PassageFields.VECTOR, vector, depth, filter), depth)
                    .scoreDocs);
            if (keywords.isPresent()) {
                rankings.add(searcher.search(keywords.get(), depth).scoreDocs);
            }
            return hits(searcher, RankFusion.fuse(k, rankings));
        });
    }

    /** Empty when the query has no searchable word left after stop words (e.g. "what is it"). */
    private static Optional<Query> keywordQuery(String query, Query filter) {
        QueryBuilder builder = new QueryBuilder(PassageFields.ANALYZER);
        Query text = builder.createBooleanQuery(PassageFields.TEXT, query);
        if (text == null) {
            return Optional.empty();
        }
        BooleanQuery.Builder combined = new BooleanQuery.Builder().add(text, Occur.MUST);
        Query title = builder.createBooleanQuery(PassageFields.TITLE, query);
        if (title != null) {
            // a title match lifts every passage of that meeting a little; the words must still be in the passage
            combined.add(new BoostQuery(title, 0.3f), Occur.SHOULD);
        }
        if (filter != null) {
            combined.add(filter, Occur.FILTER);
        }
        return Optional.of(combined.build());
    }

    private static List<RagHit> hits(IndexSearcher searcher, List<RankFusion.Fused> fused) throws IOException {
        List<RagHit> hits = new ArrayList<>(fused.size());
        for (RankFusion.Fused one : fused) {
            hits.add(PassageFields.toHit(searcher.storedFields().document(one.doc()), one.score()));
        }
        return hits;
    }
}
