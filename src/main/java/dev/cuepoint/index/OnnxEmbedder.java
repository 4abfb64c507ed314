package dev.cuepoint.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A small English sentence-embedding model (quantized to 8 bits, 384 dimensions) run in process by
 * ONNX Runtime. Models and runtime ship inside their Maven jars: nothing is downloaded. Queries and
 * passages get the prefixes their model was trained with (e5: {@code "query: "}/{@code "passage: "};
 * bge: a retrieval instruction before the query). The only class that imports the embedding library.
 * Thread-safe.
 */
public final class OnnxEmbedder implements Embedder {
  /** The models on offer; {@link #DEFAULT} is the one the evaluation chose (see README, "Search by meaning"). */
  public enum Model {
    /** all-MiniLM-L6-v2: 6 layers, the fastest. */
    MINILM("all-minilm-l6-v2-q", "", "", 0.44,
        () -> oneIntraOpThread("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN)),
    /** bge-small-en-v1.5: 12 layers; queries carry its retrieval instruction. */
    BGE("bge-small-en-v15-q", "Represent this sentence for searching relevant passages: ", "", 0.655,
        BgeSmallEnV15QuantizedEmbeddingModel::new),
    /** e5-small-v2: 12 layers; trained with "query: " and "passage: " prefixes. */
    E5("e5-small-v2-q", "query: ", "passage: ", 0.835, E5SmallV2QuantizedEmbeddingModel::new);

    final String id;
    final String queryPrefix;
    final String passagePrefix;
    /** See {@link Embedder#floor()}: calibrated on the evaluation's tuning questions and nonsense. */
    final double floor;
    final Supplier<EmbeddingModel> load;

    Model(String id, String queryPrefix, String passagePrefix, double floor, Supplier<EmbeddingModel> load) {
      this.id = id;
      this.queryPrefix = queryPrefix;
      this.passagePrefix = passagePrefix;
      this.floor = floor;
      this.load = load;
    }

    /** The model named {@code name} (its short name, as in {@code CUEPOINT_EMBEDDER}), or null. */
    public static Model named(String name) {
      for (Model m : values()) {
        if (m.name().equalsIgnoreCase(name)) {
          return m;
        }
      }
      return null;
    }
  }

  public static final Model DEFAULT = Model.MINILM;

  /**
   * A model of its jar, as langchain4j loads it (its executor embeds a list's passages on a thread per
   * core), but each run on one ONNX Runtime thread: by default every run also spreads over every core,
   * so two runs at once oversubscribe the cores. Same vectors bit for bit; on 2 cores (shared), 32
   * passages of 100 words per call: 13-16 passages/s by default, 21-23 like this (EmbedThroughput).
   */
  private static EmbeddingModel oneIntraOpThread(String onnx, String tokenizer, PoolingMode pooling) {
    ClassLoader jar = OnnxEmbedder.class.getClassLoader();
    try (InputStream model = jar.getResourceAsStream(onnx); InputStream vocabulary = jar.getResourceAsStream(tokenizer)) {
      if (model == null || vocabulary == null) {
        throw new IllegalStateException(onnx + " or " + tokenizer + " is missing from the class path: the"
            + " embedding model's jar (langchain4j-embeddings-…) must ship with cuepoint");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, env.createSession(model.readAllBytes(), options),
          vocabulary, pooling);
      return new AbstractInProcessEmbeddingModel(null) {
        @Override
        protected OnnxBertBiEncoder model() {
          return encoder;
        }

        @Override
        protected Integer knownDimension() {
          return 384;
        }
      };
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("loading the embedding model " + onnx + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Held (shared) by every call into ONNX Runtime, taken whole by {@link #stopNativeWork} when the
   * process stops. ONNX Runtime's own shutdown hook releases its native environment as soon as the JVM
   * starts to exit, and the JVM's hooks run all at once: a model still loading or embedding then
   * crashes the JVM (SIGSEGV in libonnxruntime). So the process waits here before it starts to exit.
   */
  private static final ReentrantReadWriteLock NATIVE = new ReentrantReadWriteLock();

  private static volatile boolean stopping;

  /**
   * Refuses new model work ({@link Embedder.ShuttingDown}) and waits for the work under way to end: call
   * it before the JVM starts to exit (on a signal).
   *
   * @return false when work was still running after {@code millis}
   */
  public static boolean stopNativeWork(long millis) throws InterruptedException {
    stopping = true;
    return NATIVE.writeLock().tryLock(millis, TimeUnit.MILLISECONDS); // never released: the process ends
  }

  private static <T> T nativeCall(Supplier<T> work) {
    if (stopping || !NATIVE.readLock().tryLock()) {
      throw new Embedder.ShuttingDown();
    }
    try {
      if (stopping) {
        throw new Embedder.ShuttingDown();
      }
      return work.get();
    } finally {
      NATIVE.readLock().unlock();
    }
  }

  private final Model which;
  private volatile EmbeddingModel model; // loaded by load() or on first use: one to two seconds

  public OnnxEmbedder(Model which) {
    this.which = which;
  }

  public OnnxEmbedder() {
    this(DEFAULT);
  }

  /** Loads the model now, so that the first search does not wait for it. */
  public OnnxEmbedder load() {
    nativeCall(this::model);
    return this;
  }

  private EmbeddingModel model() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          model = which.load.get();
        }
        m = model;
      }
    }
    return m;
  }

  @Override
  public String id() {
    return which.id;
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public double floor() {
    return which.floor;
  }

  /** English only: the models were trained on English text pairs. */
  @Override
  public boolean handles(String language) {
    return Languages.primary(language).toLowerCase(Locale.ROOT).equals("en");
  }

  @Override
  public List<float[]> embed(List<String> passages) {
    return run(passages, which.passagePrefix);
  }

  @Override
  public float[] embedQuery(String query) {
    return run(List.of(query), which.queryPrefix).getFirst();
  }

  private List<float[]> run(List<String> texts, String prefix) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prefix + t)).toList();
    List<Embedding> out = nativeCall(() -> model().embedAll(segments).content());
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) {
      vectors.add(Embedder.normalize(e.vector().clone()));
    }
    return vectors;
  }
}
