package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corsOrigins setting (issue 22): a file's list, overridden by CUEPOINT_CORS_ORIGINS, checked when read. */
class CorsConfigTest {
  @TempDir Path dir;

  @Test
  void none_by_default_a_file_s_list_and_the_environment_s_comma_separated_origins() throws IOException {
    assertEquals(List.of(), Config.load(null, dir, Map.of(), Map.of()).corsOrigins());
    Files.writeString(dir.resolve("cuepoint.yaml"), "corsOrigins:\n  - https://course.example.org\n  - http://localhost:3000\n");
    assertEquals(List.of("https://course.example.org", "http://localhost:3000"),
        Config.load(null, dir, Map.of(), Map.of()).corsOrigins());
    assertEquals(List.of("https://a.example.org", "https://b.example.org"), Config.load(null, dir,
        Map.of("CUEPOINT_CORS_ORIGINS", "https://a.example.org, https://b.example.org"), Map.of()).corsOrigins());
  }

  @Test
  void an_origin_with_a_path_is_refused_naming_where_it_came_from() {
    Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.load(null, dir,
        Map.of("CUEPOINT_CORS_ORIGINS", "https://course.example.org/lectures/"), Map.of()));
    assertTrue(e.getMessage().contains("CUEPOINT_CORS_ORIGINS") && e.getMessage().contains("no path"), e.getMessage());
  }
}
