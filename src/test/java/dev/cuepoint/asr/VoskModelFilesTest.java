package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the model, unpacking it once, and noticing an unpack that was cut short. */
class VoskModelFilesTest {
  @TempDir Path tmp;

  /** An .aar shaped like Vosk's: a small stand-in model under assets/model-en-us/. */
  private Path aar(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      put(zip, "AndroidManifest.xml", "<manifest/>");
      put(zip, "assets/model-en-us/am/final.mdl", "acoustic model ".repeat(1000));
      put(zip, "assets/model-en-us/conf/model.conf", "--min-active=200\n");
      put(zip, "assets/model-en-us/graph/HCLr.fst", "graph ".repeat(500));
    }
    return file;
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void nothing_found_is_one_line_naming_where_it_looked_and_what_to_do() {
    VoskModelFiles files = new VoskModelFiles(Map.of(), tmp.resolve("target/models"), tmp.resolve("m2"));
    IOException e = assertThrows(IOException.class, () -> files.modelDir(tmp.resolve("data")));
    assertTrue(e.getMessage().startsWith("the English speech model is missing: no vosk-model-en-0.3.45.aar in " + tmp.resolve("target/models")), e.getMessage());
    assertTrue(e.getMessage().contains("./mvnw package") && e.getMessage().contains("CUEPOINT_VOSK_MODEL"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void the_model_beside_the_jar_is_unpacked_once_with_a_marker() throws IOException {
    aar(tmp.resolve("target/models/vosk-model-en-0.3.45.aar"));
    VoskModelFiles files = new VoskModelFiles(Map.of(), tmp.resolve("target/models"), tmp.resolve("m2"));
    Path dir = files.modelDir(tmp.resolve("data"));
    assertEquals(tmp.resolve("data/models/vosk-model-en-us-0.3.45"), dir);
    assertEquals("acoustic model ".repeat(1000), Files.readString(dir.resolve("am/final.mdl")));
    assertTrue(Files.readString(dir.resolve(VoskModelFiles.MARKER)).contains("\"sha256\""));
    assertTrue(VoskModelFiles.complete(dir));

    // once unpacked, the archive is no longer needed
    Files.delete(tmp.resolve("target/models/vosk-model-en-0.3.45.aar"));
    long unpackedAt = Files.getLastModifiedTime(dir.resolve("am/final.mdl")).toMillis();
    assertEquals(dir, files.modelDir(tmp.resolve("data")));
    assertEquals(unpackedAt, Files.getLastModifiedTime(dir.resolve("am/final.mdl")).toMillis());
  }

  @Test
  void the_local_maven_repository_is_the_fallback() throws IOException {
    aar(tmp.resolve("m2/com/alphacephei/vosk-model-en/0.3.45/vosk-model-en-0.3.45.aar"));
    VoskModelFiles files = new VoskModelFiles(Map.of(), tmp.resolve("target/models"), tmp.resolve("m2"));
    assertTrue(Files.isRegularFile(files.modelDir(tmp.resolve("data")).resolve("conf/model.conf")));
  }

  @Test
  void an_unpack_cut_short_is_noticed_and_done_again() throws IOException {
    Path aar = aar(tmp.resolve("target/models/vosk-model-en-0.3.45.aar"));
    VoskModelFiles files = new VoskModelFiles(Map.of(), tmp.resolve("target/models"), tmp.resolve("m2"));
    Path dir = files.modelDir(tmp.resolve("data"));

    // a file cut short (the marker says how long it should be)
    try (OutputStream out = Files.newOutputStream(dir.resolve("am/final.mdl"))) {
      out.write("acoustic".getBytes(StandardCharsets.UTF_8));
    }
    assertFalse(VoskModelFiles.complete(dir));
    assertEquals(dir, files.modelDir(tmp.resolve("data")));
    assertEquals("acoustic model ".repeat(1000), Files.readString(dir.resolve("am/final.mdl")));

    // a folder without its marker (the process died before writing it)
    Files.delete(dir.resolve(VoskModelFiles.MARKER));
    Files.delete(dir.resolve("graph/HCLr.fst"));
    assertFalse(VoskModelFiles.complete(dir));
    files.modelDir(tmp.resolve("data"));
    assertTrue(VoskModelFiles.complete(dir) && Files.isRegularFile(dir.resolve("graph/HCLr.fst")));
    try (var left = Files.list(tmp.resolve("data/models"))) {
      assertEquals(1, left.count(), "no temporary folders are left behind");
    }
    assertTrue(Files.exists(aar));
  }

  @Test
  void cuepoint_vosk_model_may_name_a_model_folder_or_an_aar() throws IOException {
    Path aar = aar(tmp.resolve("elsewhere/model.aar"));
    VoskModelFiles byAar = new VoskModelFiles(Map.of(VoskModelFiles.ENV, aar.toString()), null, tmp.resolve("m2"));
    Path unpacked = byAar.modelDir(tmp.resolve("data"));
    assertTrue(VoskModelFiles.complete(unpacked));

    VoskModelFiles byFolder = new VoskModelFiles(Map.of(VoskModelFiles.ENV, unpacked.toString()), null, tmp.resolve("m2"));
    assertEquals(unpacked, byFolder.modelDir(tmp.resolve("other-data")), "a model folder is used where it is");

    VoskModelFiles wrong = new VoskModelFiles(Map.of(VoskModelFiles.ENV, tmp.toString()), null, tmp.resolve("m2"));
    IOException e = assertThrows(IOException.class, () -> wrong.modelDir(tmp.resolve("data")));
    assertTrue(e.getMessage().startsWith("CUEPOINT_VOSK_MODEL=" + tmp + " holds no Vosk model"), e.getMessage());
  }

  @Test
  void an_archive_without_a_model_is_refused_by_name() throws IOException {
    Path bogus = tmp.resolve("target/models/vosk-model-en-0.3.45.aar");
    Files.createDirectories(bogus.getParent());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bogus))) {
      put(zip, "classes.jar", "x");
    }
    VoskModelFiles files = new VoskModelFiles(Map.of(), tmp.resolve("target/models"), tmp.resolve("m2"));
    IOException e = assertThrows(IOException.class, () -> files.modelDir(tmp.resolve("data")));
    assertTrue(e.getMessage().startsWith(bogus + " holds no assets/model-en-us/ model"), e.getMessage());
  }

  @Test
  void the_build_puts_the_real_model_beside_the_jar_not_inside_it() throws IOException {
    Path beside = Path.of("target", "models", VoskModelFiles.AAR);
    assertTrue(Files.isRegularFile(beside), beside + " is copied there by the build (maven-dependency-plugin)");
    assertTrue(Files.size(beside) > 30_000_000, "the real 41 MB model");
  }
}
