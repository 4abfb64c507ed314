package dev.cuepoint.cli;

import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.MiniLmEmbedder;
import java.util.Locale;
import java.util.Map;

/**
 * Which sentence-embedding model semantic search uses: {@code minilm} (the default; in process, no
 * network) or {@code none} (keyword search only, nothing embedded), chosen by the system property
 * {@code cuepoint.embedder} or the environment variable {@code CUEPOINT_EMBEDDER}. The model is loaded
 * once per process, on first use.
 */
final class Vectors {
  static final String PROPERTY = "cuepoint.embedder";
  static final String ENV = "CUEPOINT_EMBEDDER";

  private static Embedder minilm;

  private Vectors() {}

  /** The configured embedder, or null when embeddings are off. */
  static Embedder embedder(Map<String, String> env) {
    String choice = System.getProperty(PROPERTY, env.getOrDefault(ENV, "minilm")).strip().toLowerCase(Locale.ROOT);
    return switch (choice) {
      case "minilm", "" -> minilm();
      case "none", "off" -> null;
      default -> throw new Failures.UsageException(
          ENV + " (or -D" + PROPERTY + ") must be 'minilm' or 'none', got '" + choice + "'");
    };
  }

  static Embedder embedder() {
    return embedder(System.getenv());
  }

  private static synchronized Embedder minilm() {
    if (minilm == null) {
      minilm = new MiniLmEmbedder();
    }
    return minilm;
  }

  /** Why semantic search is unavailable when the embedder is off. */
  static String offReason() {
    return "embeddings are off (" + ENV + "=none)";
  }
}
