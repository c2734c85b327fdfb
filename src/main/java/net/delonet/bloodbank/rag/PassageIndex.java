package net.delonet.bloodbank.rag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The passages on disk: one Lucene index holding an HNSW graph of their vectors beside their text for BM25.
 * One writer and a searcher manager make it safe to search while documents are being replaced; a search
 * sees a document's old passages or its new ones, never a mix. Lucene locks the folder: one process only.
 */
public final class PassageIndex implements AutoCloseable {

    /** Reads the index through one searcher that stays valid for the whole call. */
    @FunctionalInterface
    public interface SearcherCall<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private PassageIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(PassageFields.ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code folder} (RAG_INDEX_DIR), creating it when absent. */
    public static PassageIndex open(Path folder) throws IOException {
        Directory directory = FSDirectory.open(folder);
        try {
            return new PassageIndex(directory);
        } catch (IOException | RuntimeException e) {
            // e.g. another process holds the folder's lock: release the folder before reporting it
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /** Replaces every passage of the source with these, in one commit; no passages removes the source. */
    public void replace(RagSource source, List<Passage> passages, List<float[]> vectors) throws IOException {
        if (passages.size() != vectors.size()) {
            throw new IllegalArgumentException(passages.size() + " passages but " + vectors.size() + " vectors");
        }
        List<Document> docs = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            docs.add(PassageFields.toDocument(source, passages.get(i), vectors.get(i)));
        }
        Term key = new Term(PassageFields.DOCUMENT_ID, source.documentId());
        if (docs.isEmpty()) {
            writer.deleteDocuments(key);
        } else {
            // one atomic delete-then-add: a reader never sees the source twice or not at all
            writer.updateDocuments(key, docs);
        }
        publish();
    }

    public void delete(String ragDocumentId) throws IOException {
        writer.deleteDocuments(new Term(PassageFields.DOCUMENT_ID, ragDocumentId));
        publish();
    }

    public int passageCount() throws IOException {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    public <T> T search(SearcherCall<T> call) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return call.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Durable first, then visible: what a search returns survives a crash. */
    private void publish() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void close() throws IOException {
        // searchers first, then the writer (which commits), then the folder; each closed even if one fails
        IOUtils.close(searchers, writer, directory);
    }
}
