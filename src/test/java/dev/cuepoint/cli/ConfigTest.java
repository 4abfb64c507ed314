package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  Config load(String yaml, Map<String, String> env, Map<String, String> flags) throws IOException {
    Files.deleteIfExists(dir.resolve("cuepoint.yaml"));
    if (yaml != null) {
      Files.writeString(dir.resolve("cuepoint.yaml"), yaml);
    }
    return Config.load(null, dir, env, flags);
  }

  @Test
  void defaults_without_any_file() throws IOException {
    Config c = load(null, Map.of(), Map.of());
    assertEquals("127.0.0.1", c.host());
    assertEquals(7070, c.port());
    assertNull(c.refresh());
    assertNull(c.adminToken());
    assertEquals(10_000, c.quotaBudget());
    assertTrue(c.accessLog());
  }

  @Test
  void the_file_is_read_then_environment_then_flags_win() throws IOException {
    String yaml = """
        playlists: [PL09WqqDbQWHErc8xOyWdKpNEk78Jjk0EL]
        captionSources: [api, ytdlp-folder]
        ytdlpFolders: [/srv/captions]
        refresh: "0 4 * * *"
        port: 8080
        host: 0.0.0.0
        accessLog: false
        """;
    Config c = load(yaml, Map.of("CUEPOINT_PORT", "9090", "CUEPOINT_REFRESH", "6h"), Map.of("port", "9191"));
    assertEquals(List.of("PL09WqqDbQWHErc8xOyWdKpNEk78Jjk0EL"), c.playlists());
    assertEquals(List.of("api", "ytdlp-folder"), c.captionSources());
    assertEquals(List.of(Path.of("/srv/captions")), c.ytdlpFolders());
    assertEquals("6h", c.refresh(), "environment over file");
    assertEquals(9191, c.port(), "flag over environment over file");
    assertEquals("0.0.0.0", c.host());
    assertFalse(c.accessLog());
  }

  @Test
  void json_files_are_read_too() throws IOException {
    Files.writeString(dir.resolve("settings.json"), "{\"port\": 7171, \"languages\": [\"en\", \"de\"]}");
    Config c = Config.load(dir.resolve("settings.json"), dir, Map.of(), Map.of());
    assertEquals(7171, c.port());
    assertEquals(List.of("en", "de"), c.languages());
  }

  @Test
  void wrong_values_are_refused_naming_the_key_its_source_and_what_is_allowed() {
    assertMessage("'port' in " + dir.resolve("cuepoint.yaml") + ": must be a whole number from 0 to 65535, got '70000'",
        "port: 70000", Map.of(), Map.of());
    assertMessage("environment variable CUEPOINT_ACCESS_LOG: must be true or false, got 'maybe'",
        null, Map.of("CUEPOINT_ACCESS_LOG", "maybe"), Map.of());
    assertMessage("--caption-sources: each must be one of [api, timedtext, ytdlp-folder, ytdlp, asr], got 'web'",
        null, Map.of(), Map.of("captionSources", "api,web"));
    assertMessage("unknown key 'prot'", "prot: 7070", Map.of(), Map.of());
    assertMessage("is not valid YAML or JSON", "port: [7070", Map.of(), Map.of());
  }

  @Test
  void the_timedtext_source_settings_come_from_file_or_environment() throws IOException {
    Config c = load("""
        captionSources: [timedtext, ytdlp-folder]
        youtubeWebRoot: http://127.0.0.1:9000/
        """, Map.of("CUEPOINT_TIMEDTEXT_DELAY", "500ms"), Map.of());
    assertEquals(List.of("timedtext", "ytdlp-folder"), c.captionSources());
    assertEquals("http://127.0.0.1:9000/", c.youtubeWebRoot());
    assertEquals("500ms", c.timedtextDelay());
    assertMessage("'soon' is not a duration", "timedtextDelay: soon", Map.of(), Map.of());
  }

  void assertMessage(String expected, String yaml, Map<String, String> env, Map<String, String> flags) {
    Config.Invalid e = assertThrows(Config.Invalid.class, () -> load(yaml, env, flags));
    assertTrue(e.getMessage().contains(expected), "expected [" + expected + "] in [" + e.getMessage() + "]");
  }

  @Test
  void the_admin_token_comes_from_the_environment_or_a_file_and_is_never_shown() throws IOException {
    String secret = "s3cret-token-0123456789abcdef";
    Config fromEnv = load(null, Map.of("CUEPOINT_ADMIN_TOKEN", secret), Map.of());
    assertEquals(secret, fromEnv.adminToken());
    assertFalse(fromEnv.toString().contains(secret));
    Path tokenFile = Files.writeString(dir.resolve("admin-token"), secret + "\n");
    Config fromFile = load("adminTokenFile: " + tokenFile, Map.of(), Map.of());
    assertEquals(secret, fromFile.adminToken());

    Config.Invalid inline = assertThrows(Config.Invalid.class, () -> load("adminToken: " + secret, Map.of(), Map.of()));
    assertTrue(inline.getMessage().contains("adminTokenFile"), inline.getMessage());
    assertFalse(inline.getMessage().contains(secret), "the secret is not echoed");
    Config.Invalid tooShort = assertThrows(Config.Invalid.class,
        () -> load(null, Map.of("CUEPOINT_ADMIN_TOKEN", "short"), Map.of()));
    assertFalse(tooShort.getMessage().contains("short'"), tooShort.getMessage());
  }

  @Test
  void a_named_config_file_that_is_missing_is_an_error() {
    Config.Invalid e = assertThrows(Config.Invalid.class,
        () -> Config.load(dir.resolve("nope.yaml"), dir, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("nope.yaml does not exist"), e.getMessage());
  }
}
