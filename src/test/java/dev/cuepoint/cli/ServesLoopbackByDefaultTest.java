package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --host (or a host setting), the server is reachable from this machine only. */
class ServesLoopbackByDefaultTest {
  @TempDir Path tmp;

  @Test
  void serve_listens_on_127_0_0_1_unless_told_otherwise() throws Exception {
    Config settings = Config.load(null, tmp, Map.of(), Map.of("port", "0"));
    assertEquals("127.0.0.1", settings.host());
    DataDir data = Folders.data(tmp.resolve("data"));
    StringWriter sink = new StringWriter();
    try (Service service = Service.start(data, settings, Path.of("web"), Map.of(), new PrintWriter(sink),
        new PrintWriter(sink))) {
      int port = service.server.port();
      assertTrue(service.server.url().startsWith("http://127.0.0.1:"), service.server.url());
      try (Socket s = new Socket("127.0.0.1", port)) {
        assertTrue(s.isConnected());
      }
      // what the kernel says the socket listens on (read, not probed: no traffic leaves loopback)
      Path tcp = Path.of("/proc/net/tcp");
      org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(tcp), "no /proc/net/tcp");
      String portHex = String.format(":%04X", port);
      List<String> listening = new java.util.ArrayList<>();
      for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
        if (java.nio.file.Files.isReadable(table)) {
          java.nio.file.Files.readAllLines(table).stream().skip(1)
              .map(l -> l.trim().split("\\s+"))
              .filter(f -> f[1].endsWith(portHex) && f[3].equals("0A"))
              .forEach(f -> listening.add(f[1].substring(0, f[1].indexOf(':'))));
        }
      }
      // 127.0.0.1 as IPv4, or as an IPv4-mapped IPv6 address on a dual-stack socket
      assertEquals(1, listening.size(), "listening sockets on port " + port + ": " + listening);
      assertTrue(List.of("0100007F", "0000000000000000FFFF00000100007F").contains(listening.get(0)),
          "listens on " + listening.get(0) + ", not 127.0.0.1");
    }
  }

  @Test
  void the_serve_command_leaves_the_host_to_the_settings_whose_default_is_loopback() throws Exception {
    ServeCommand serve = new ServeCommand();
    new picocli.CommandLine(serve).parseArgs("--port", "0");
    assertEquals(null, serve.host, "no --host given: the settings' default applies");
    assertEquals("127.0.0.1", Config.load(null, tmp, Map.of(), Map.of()).host());
    new picocli.CommandLine(serve).parseArgs("--host", "0.0.0.0");
    assertEquals("0.0.0.0", serve.host);
  }

}
