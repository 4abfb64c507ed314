package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionFormat;
import dev.cuepoint.corpus.MediaTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Walks import folders (and their subfolders, where yt-dlp output templates put playlists) and
 * groups what it finds by name: each {@code .info.json} with the caption files and recordings named
 * after it in the same folder, each other recording ({@link MediaTypes}) with the caption files named
 * after it, and every other caption file on its own with the video id its name gives. Reads no file
 * content; other files (thumbnails, descriptions) are ignored.
 */
final class FolderScan {
  /**
   * Files that belong to one video as far as names tell.
   *
   * @param infoJson the yt-dlp info.json, or null for caption files found without one
   * @param nameId the video id the names give ({@code [ID]} or a plain {@code ID.en.vtt}; for a
   *     recording without either, its {@link StableIds stable id}), or null
   * @param media recordings of the video ({@code Title [ID].mp4}), empty when none was found
   */
  record Group(Path infoJson, String nameId, List<CaptionFile> captions, List<Path> media) {
    Group(Path infoJson, String nameId, List<CaptionFile> captions) {
      this(infoJson, nameId, captions, new ArrayList<>());
    }
  }

  /** What was found: groups in path order, and caption files whose name gives no video id. */
  record Found(List<Group> groups, List<Path> noId) {}

  private FolderScan() {}

  static Found scan(List<Path> dirs) throws IOException {
    for (Path dir : dirs) {
      if (!Files.exists(dir)) {
        throw new NoSuchFileException(dir.toString(), null, "import folder does not exist");
      }
      if (!Files.isDirectory(dir)) {
        throw new FileSystemException(
            dir.toString(), null, "not a folder; import takes folders of yt-dlp downloads or caption files");
      }
    }
    Map<Path, List<Path>> byFolder = new TreeMap<>();
    Map<Path, Path> rootOf = new HashMap<>(); // each folder's import folder, which stable ids are relative to
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(f -> !f.getFileName().toString().startsWith(".")) // temp and hidden files
            .filter(Files::isRegularFile)
            .forEach(f -> {
              byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f);
              rootOf.putIfAbsent(f.getParent(), dir);
            });
      } catch (UncheckedIOException e) {
        throw e.getCause(); // a subfolder that cannot be listed: names it, stops before importing
      }
    }
    List<Group> groups = new ArrayList<>();
    List<Path> noId = new ArrayList<>();
    for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
      List<Path> files = e.getValue();
      files.sort(Comparator.naturalOrder());
      scanFolder(files, rootOf.get(e.getKey()), groups, noId);
    }
    return new Found(groups, noId);
  }

  private static void scanFolder(List<Path> files, Path root, List<Group> groups, List<Path> noId) {
    // Longest base first (see attach), so "Talk [id] part 2" claims its own captions before "Talk
    // [id]" could.
    Map<String, Group> infos = new HashMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (FileNames.isInfoJson(name)) {
        String base = FileNames.infoJsonBase(name);
        infos.put(base, new Group(f, FileNames.bracketedId(base).orElse(null), new ArrayList<>()));
      }
    }
    // Recordings: beside their info.json, else a video of their own that caption files may join.
    Map<String, Group> recordings = new HashMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (!MediaTypes.isMedia(name)) {
        continue;
      }
      String base = name.substring(0, name.lastIndexOf('.'));
      Group g = infos.containsKey(base) ? infos.get(base) : recordings.get(base);
      if (g == null) {
        String id = FileNames.bracketedId(base).orElseGet(() -> StableIds.of(root, f.resolveSibling(base)));
        g = new Group(null, id, new ArrayList<>());
        recordings.put(base, g);
      }
      g.media().add(f);
    }
    Map<String, Group> bases = new HashMap<>(recordings);
    bases.putAll(infos);
    for (Path f : files) {
      String name = f.getFileName().toString();
      Optional<CaptionFormat> format = FileNames.captionFormat(name);
      if (format.isEmpty()) {
        continue;
      }
      if (!attach(f, name, format.get(), bases)) {
        Optional<FileNames.IdAndLanguage> id = FileNames.fromName(name);
        if (id.isPresent()) {
          groups.add(
              new Group(
                  null,
                  id.get().id(),
                  List.of(new CaptionFile(f, id.get().language(), format.get(), false))));
        } else {
          noId.add(f);
        }
      }
    }
    List<Group> withInfo = new ArrayList<>(infos.values());
    withInfo.sort(Comparator.comparing(Group::infoJson));
    groups.addAll(withInfo);
    List<Group> recorded = new ArrayList<>(recordings.values());
    recorded.sort(Comparator.comparing(g -> g.media().get(0)));
    groups.addAll(recorded);
  }

  /**
   * Gives a caption file to the info.json whose base its name continues, the longest such base first
   * (the order of {@code infos}). Only the name's prefixes that end before a dot can be bases, so
   * those are looked up, rather than every info.json of the folder tried: a folder of 10,000 videos
   * would take 100 million tries.
   */
  private static boolean attach(
      Path f, String name, CaptionFormat format, Map<String, Group> infos) {
    for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
      String base = name.substring(0, dot);
      Group g = infos.get(base);
      if (g == null) {
        continue;
      }
      Optional<String> language = FileNames.languageAfter(base, name);
      if (language.isPresent()) {
        g.captions().add(new CaptionFile(f, language.get(), format, g.infoJson() != null));
        return true;
      }
    }
    return false;
  }
}
