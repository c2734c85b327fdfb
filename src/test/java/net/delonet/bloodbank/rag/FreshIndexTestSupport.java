package net.delonet.bloodbank.rag;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets an empty index in its own folder; the embedding model is loaded once per class. */
abstract class FreshIndexTestSupport {

    protected static PassageEmbedder embedder;

    @TempDir
    protected Path folder;
    protected PassageIndex index;
    protected RagIngester ingester;

    @BeforeAll
    static void loadModel() {
        embedder = new PassageEmbedder();
    }

    @BeforeEach
    void open() throws IOException {
        index = PassageIndex.open(folder);
        ingester = new RagIngester(index, embedder, ChunkBudget.DEFAULT);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }
}
