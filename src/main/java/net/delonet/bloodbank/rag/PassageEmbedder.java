package net.delonet.bloodbank.rag;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.util.function.Suppliers;

/**
 * Turns text into unit-length vectors in this process: all-MiniLM-L6-v2 on ONNX Runtime, the model read
 * from its jar (no network, no key). Loading it takes a few seconds, so make one and share it: the model is
 * loaded on the first embedding, not before; it is thread-safe and embeds a batch on all cores.
 */
public final class PassageEmbedder {

    public static final String MODEL_NAME = "all-MiniLM-L6-v2";

    private final Supplier<EmbeddingModel> model = Suppliers.memorize(AllMiniLmL6V2EmbeddingModel::new);

    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.get().embedAll(segments).content().stream().map(PassageEmbedder::unit).toList();
    }

    public float[] embed(String text) {
        return unit(model.get().embed(text).content());
    }

    public String modelName() {
        return MODEL_NAME;
    }

    /** The index scores by dot product, which equals cosine only on unit vectors: make sure they are. */
    private static float[] unit(Embedding embedding) {
        float[] vector = embedding.vector();
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            throw new IllegalStateException("the model returned a zero vector");
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] / norm);
        }
        return vector;
    }
}
