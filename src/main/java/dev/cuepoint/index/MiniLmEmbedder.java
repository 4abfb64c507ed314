package dev.cuepoint.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * all-MiniLM-L6-v2 (quantized to 8 bits), a 384-dimension English sentence-embedding model, run in
 * process by ONNX Runtime. The model and the runtime ship inside their jars: nothing is downloaded.
 * The only class that imports the embedding library. Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {
  private volatile AllMiniLmL6V2QuantizedEmbeddingModel model; // loaded on first use: about 2 s

  private AllMiniLmL6V2QuantizedEmbeddingModel model() {
    AllMiniLmL6V2QuantizedEmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        m = model;
      }
    }
    return m;
  }

  @Override
  public String id() {
    return "all-minilm-l6-v2-q";
  }

  @Override
  public int dimensions() {
    return 384;
  }

  /** English only: the model was trained on English sentence pairs. */
  @Override
  public boolean handles(String language) {
    String primary = Languages.primary(language).toLowerCase(Locale.ROOT);
    return primary.equals("en");
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<Embedding> out = model().embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) {
      vectors.add(Embedder.normalize(e.vector().clone()));
    }
    return vectors;
  }
}
