package net.delonet.bloodbank.rag;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** How a passage is laid out as a Lucene document, and read back as a hit. */
final class PassageFields {

    static final String DOCUMENT_ID = "doc_id";
    static final String KIND = "kind";
    static final String SOURCE_ID = "source_id";
    static final String TITLE = "title";
    static final String SPEAKER = "speaker";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";
    static final String VECTOR = "vector";

    /** Stemming and English stop words, so "budgets" finds "budget" and "the" finds nothing. */
    static final Analyzer ANALYZER = new EnglishAnalyzer();

    private PassageFields() {
    }

    static Document toDocument(RagSource source, Passage passage, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(DOCUMENT_ID, source.documentId(), Field.Store.YES));
        doc.add(new StringField(KIND, source.kind().label(), Field.Store.YES));
        doc.add(new StoredField(SOURCE_ID, source.id()));
        if (source.title() != null) {
            doc.add(new TextField(TITLE, source.title(), Field.Store.YES));
        }
        passage.speakers().forEach(speaker -> doc.add(new StoredField(SPEAKER, speaker)));
        if (passage.startTime() != null) {
            doc.add(new StoredField(START, passage.startTime()));
        }
        if (passage.endTime() != null) {
            doc.add(new StoredField(END, passage.endTime()));
        }
        doc.add(new TextField(TEXT, passage.text(), Field.Store.YES));
        // unit vectors: dot product is cosine similarity, without normalising at every comparison
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    static RagHit toHit(Document doc, double score) {
        String kind = doc.get(KIND);
        String sourceId = doc.get(SOURCE_ID);
        boolean transcript = RagSource.Kind.TRANSCRIPT.label().equals(kind);
        return new RagHit(kind, transcript ? sourceId : null, transcript ? null : sourceId, doc.get(DOCUMENT_ID),
                doc.get(TITLE), List.of(doc.getValues(SPEAKER)), number(doc.getField(START)),
                number(doc.getField(END)), doc.get(TEXT), score);
    }

    private static Double number(IndexableField field) {
        return field == null ? null : field.numericValue().doubleValue();
    }
}
