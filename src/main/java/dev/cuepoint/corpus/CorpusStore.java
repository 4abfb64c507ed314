package dev.cuepoint.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The corpus on disk: one JSON file per video, {@code <data>/corpus/<videoId>.json}, and one per
 * playlist, {@code <data>/corpus/playlists/<playlistId>.json}. Every write replaces the whole file
 * atomically ({@link AtomicFiles}), so a reader, or the indexer after a crash, never sees half a video.
 *
 * <p>A file that exists but cannot be read is an error ({@link CorpusException}) naming it and what
 * to do, never skipped: the corpus is the source of truth and a silently missing video would vanish
 * from search.
 */
public final class CorpusStore {
  private static final String JSON = ".json";

  /** Playlist ids as YouTube makes them; also keeps a playlist file inside its folder. */
  private static final Pattern PLAYLIST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Path dir;
  private final Path playlistDir;
  // A file with something after its closing brace was not written by us: treat it as corrupt.
  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final VideoJson videos = new VideoJson(mapper);
  private final PlaylistJson playlists = new PlaylistJson(mapper);

  /**
   * @param dataDir the data directory ({@code index/} by default); the corpus is its {@code corpus/}
   *     folder, created on the first write
   */
  public CorpusStore(Path dataDir) {
    this.dir = dataDir.resolve("corpus");
    this.playlistDir = dir.resolve("playlists");
  }

  /** The corpus folder, {@code <data>/corpus}. */
  public Path directory() {
    return dir;
  }

  /** The file that holds (or would hold) a video. */
  public Path file(String videoId) {
    if (!Video.ID.matcher(videoId).matches()) {
      throw new IllegalArgumentException(
          "video id must be 11 characters of A-Z, a-z, 0-9, _ or -, got '" + videoId + "'");
    }
    return dir.resolve(videoId + JSON);
  }

  /** The stored video, or empty when the corpus has none with this id. */
  public Optional<Video> read(String videoId) throws IOException {
    Path f = file(videoId);
    Optional<JsonNode> tree = tree(f);
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    Video v;
    try {
      v = videos.read(tree.get());
    } catch (IllegalArgumentException e) {
      throw new CorpusException(f, e.getMessage(), e);
    }
    if (!v.id().equals(videoId)) {
      throw new CorpusException(f, "it holds video " + v.id() + ", not " + videoId, null);
    }
    return Optional.of(v);
  }

  /** Stores a video, replacing what was stored for its id. */
  public void write(Video video) throws IOException {
    AtomicFiles.write(file(video.id()), videos.write(video));
  }

  /**
   * The first half of {@link #write}, for writing many videos fast: the video's new file is written
   * and flushed beside its place ({@link AtomicFiles#stage}); {@link #publish} puts a batch of them in
   * place. Safe to call from several threads at once.
   */
  public AtomicFiles.Staged stage(Video video) throws IOException {
    return AtomicFiles.stage(file(video.id()), videos.write(video));
  }

  /** Puts staged videos in place, in order, with one flush of the corpus folder for all of them. */
  public void publish(List<AtomicFiles.Staged> staged) throws IOException {
    AtomicFiles.publish(staged);
  }

  /** Removes a video; false when there was none. */
  public boolean delete(String videoId) throws IOException {
    boolean deleted = Files.deleteIfExists(file(videoId));
    if (deleted) {
      AtomicFiles.syncFolder(dir);
    }
    return deleted;
  }

  /** Ids of all stored videos, sorted. */
  public List<String> ids() throws IOException {
    return List.copyOf(fingerprints().keySet());
  }

  /**
   * Every stored video, read lazily in id order. A file that cannot be read ends the stream with an
   * {@link UncheckedIOException} whose cause is the {@link CorpusException} naming it.
   */
  public Stream<Video> all() throws IOException {
    return ids().stream()
        .map(
            id -> {
              try {
                return read(id)
                    .orElseThrow(
                        () ->
                            new UncheckedIOException(
                                new NoSuchFileException(
                                    file(id).toString(), null, "deleted while reading the corpus")));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * A cheap token per stored video that changes whenever its file is rewritten, so the indexer can
   * store it and later update only videos whose token differs (or is new, or gone).
   *
   * <p>The token is the file's size, modification time (to the nanosecond where the file system keeps
   * it) and, where the platform has one, its identity (inode). That costs one directory listing and
   * no file reads, which matters at 10,000 videos of several hundred kilobytes each, where hashing the
   * content would read the whole corpus on every scheduled run. Every write renames a fresh file into
   * place, so a rewrite changes the identity and the time even when the size stays the same. A file
   * touched or copied without its content changing gets a new token too; that costs one needless
   * re-index of that video, never a missed change.
   *
   * @return video id → token, sorted by id
   */
  public Map<String, String> fingerprints() throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + JSON)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String id = name.substring(0, name.length() - JSON.length());
        if (!Video.ID.matcher(id).matches()) {
          continue; // not a video file: temporary files start with "." and ids cannot hold one
        }
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        if (a.isRegularFile()) {
          Object key = a.fileKey();
          out.put(
              id,
              a.size()
                  + ":"
                  + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                  + (key == null ? "" : ":" + key));
        }
      }
    }
    return out;
  }

  /** The stored playlist, or empty when there is none with this id. */
  public Optional<Playlist> readPlaylist(String playlistId) throws IOException {
    Path f = playlistFile(playlistId);
    Optional<JsonNode> tree = tree(f);
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    try {
      Playlist p = playlists.read(tree.get());
      if (!p.id().equals(playlistId)) {
        throw new IllegalArgumentException("it holds playlist " + p.id() + ", not " + playlistId);
      }
      return Optional.of(p);
    } catch (IllegalArgumentException e) {
      throw new CorpusException(f, e.getMessage(), e);
    }
  }

  /** Stores a playlist, replacing what was stored for its id. */
  public void writePlaylist(Playlist playlist) throws IOException {
    AtomicFiles.write(playlistFile(playlist.id()), playlists.write(playlist));
  }

  /** Ids of all stored playlists, sorted. */
  public List<String> playlistIds() throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(playlistDir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(playlistDir, "*" + JSON)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String id = name.substring(0, name.length() - JSON.length());
        if (PLAYLIST_ID.matcher(id).matches() && Files.isRegularFile(f)) {
          out.add(id);
        }
      }
    }
    out.sort(null);
    return out;
  }

  private Path playlistFile(String playlistId) {
    if (!PLAYLIST_ID.matcher(playlistId).matches()) {
      throw new IllegalArgumentException(
          "playlist id must be 1 to 64 characters of A-Z, a-z, 0-9, _ or -, got '"
              + playlistId
              + "'");
    }
    return playlistDir.resolve(playlistId + JSON);
  }

  /** The file's JSON tree, or empty when the file does not exist. */
  private Optional<JsonNode> tree(Path f) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      JsonNode root = mapper.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw new CorpusException(f, "it is empty", null);
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new CorpusException(f, "not JSON" + at + ": " + e.getOriginalMessage(), e);
    }
  }
}
