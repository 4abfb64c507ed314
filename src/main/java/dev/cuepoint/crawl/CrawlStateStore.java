package dev.cuepoint.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cuepoint.corpus.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code <data>/state/crawl.json}, atomically. */
final class CrawlStateStore {
  static final String FILE = "crawl.json";

  private final Path file;
  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  CrawlStateStore(Path stateDir) {
    this.file = stateDir.resolve(FILE);
  }

  Path file() {
    return file;
  }

  /** The stored state, or a fresh one when there is none. */
  CrawlState load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new CrawlState();
    }
    try {
      CrawlState s = mapper.readValue(bytes, CrawlState.class);
      if (s.schema != CrawlState.SCHEMA) {
        throw new IOException(
            "crawl state " + file + " has schema " + s.schema + ", not " + CrawlState.SCHEMA
                + ": delete it (the next crawl fetches everything again)");
      }
      return s;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IOException(
          "crawl state " + file + " is corrupt (" + e.getMessage().lines().findFirst().orElse("")
              + "): delete it; the next crawl fetches everything again and loses nothing",
          e);
    }
  }

  void save(CrawlState state) throws IOException {
    AtomicFiles.write(file, mapper.writeValueAsBytes(state));
  }
}
