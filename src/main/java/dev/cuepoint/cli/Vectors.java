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

  private static final java.util.Map<OnnxEmbedder.Model, Embedder> LOADED = new java.util.EnumMap<>(OnnxEmbedder.Model.class);

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
    return loaded(model);
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
