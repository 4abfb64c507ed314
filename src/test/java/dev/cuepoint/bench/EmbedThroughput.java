package dev.cuepoint.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.cuepoint.captions.Cue;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Passages per second of the default embedding model (all-MiniLM-L6-v2, quantized, as
 * {@code index/OnnxEmbedder} runs it through langchain4j) on this machine, by how many passages are
 * handed over at once, how many Java threads embed them (langchain4j embeds a list one passage per
 * task on its executor), ONNX Runtime's intra-op threads per run, and passage length in words.
 * Passages are windows of real 3Blue1Brown transcripts. Every setting's vectors are compared with
 * those of the setting OnnxEmbedder uses (largest difference of any component).
 *
 * <pre>java -cp … dev.cuepoint.bench.EmbedThroughput [seconds per setting] [pair]</pre>
 */
final class EmbedThroughput {
  private EmbedThroughput() {}

  /** A langchain4j model over a given encoder and executor. */
  static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder, Executor executor) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
    // "pair": only the setting OnnxEmbedder used and the one it uses now, alternating, 100 words
    boolean pair = args.length > 1 && args[1].equals("pair");
    RealVideos real = RealVideos.load(RealVideos.DEFAULT_ROOT);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    byte[] onnx;
    try (InputStream in = EmbedThroughput.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
      onnx = in.readAllBytes();
    }
    ExecutorService two = Executors.newFixedThreadPool(2);
    System.out.printf("%d cores; %.0f s per setting%n", Runtime.getRuntime().availableProcessors(), seconds);
    System.out.println("| words per passage | passages per call | Java threads | intra-op threads | passages/s | max |Δ| vs default |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (int words : pair ? new int[] {100, 100, 100} : new int[] {40, 100, 200}) {
      List<String> passages = passages(real, words, 2000);
      List<float[]> reference = null;
      // as OnnxEmbedder runs: langchain4j's default executor (a thread per core), ORT's default threads
      Object[][] settings = pair ? new Object[][] {{0, 0}, {0, 1}} : new Object[][] {
          {0, 0}, // default executor, default intra-op
          {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}};
      for (Object[] s : settings) {
        int javaThreads = (Integer) s[0];
        int intra = (Integer) s[1];
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (intra > 0) {
          options.setIntraOpNumThreads(intra);
        }
        try (OrtSession session = env.createSession(onnx, options);
            InputStream tokenizer = EmbedThroughput.class.getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
          OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
          Executor executor = javaThreads == 0 ? null : javaThreads == 1 ? Runnable::run : two;
          Model model = new Model(encoder, executor);
          for (int perCall : pair ? new int[] {32} : new int[] {1, 32}) {
            if (perCall == 1 && javaThreads != 1 && javaThreads != 0) {
              continue; // one passage per call runs on the caller's thread whatever the executor
            }
            List<float[]> first = embed(model, passages.subList(0, 64), perCall); // warm-up, and the vectors
            if (reference == null) {
              reference = first;
            }
            double maxDiff = 0;
            for (int i = 0; i < first.size(); i++) {
              for (int k = 0; k < first.get(i).length; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(first.get(i)[k] - reference.get(i)[k]));
              }
            }
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            int done = 0;
            int at = 64;
            while (System.nanoTime() < end) {
              List<String> batch = new ArrayList<>();
              for (int i = 0; i < perCall; i++) {
                batch.add(passages.get(at++ % passages.size()));
              }
              embed(model, batch, perCall);
              done += perCall;
            }
            double perSecond = done / ((System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "| %d | %d | %s | %s | %.1f | %.1e |%n", words, perCall,
                javaThreads == 0 ? "default (" + Runtime.getRuntime().availableProcessors() + ")" : javaThreads,
                intra == 0 ? "default" : intra, perSecond, maxDiff);
          }
        }
      }
    }
    two.shutdownNow();
    System.exit(0);
  }

  private static List<float[]> embed(Model model, List<String> texts, int perCall) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i += perCall) {
      List<TextSegment> segments = texts.subList(i, Math.min(texts.size(), i + perCall)).stream()
          .map(TextSegment::from).toList();
      for (Embedding e : model.embedAll(segments).content()) {
        out.add(e.vector());
      }
    }
    return out;
  }

  /** {@code n} windows of {@code words} consecutive words of the real transcripts. */
  private static List<String> passages(RealVideos real, int words, int n) {
    List<String> out = new ArrayList<>();
    for (RealVideos.RealVideo v : real.videos()) {
      StringBuilder text = new StringBuilder();
      for (Cue c : v.cues()) {
        text.append(c.text()).append(' ');
      }
      String[] w = text.toString().trim().split("\\s+");
      for (int i = 0; i + words <= w.length && out.size() < n; i += words) {
        out.add(String.join(" ", java.util.Arrays.asList(w).subList(i, i + words)));
      }
      if (out.size() >= n) {
        break;
      }
    }
    return out;
  }
}
