package dev.cuepoint.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code cuepoint …} in a JVM of its own, on this test run's class path: for what only a real process
 * shows (its whole output, a kill -9). Output (stdout and stderr together) is collected as it comes.
 */
final class ChildJvm implements AutoCloseable {
  final Process process;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final Thread drain;

  private ChildJvm(Process process) {
    this.process = process;
    InputStream in = process.getInputStream();
    this.drain = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          synchronized (output) {
            output.write(buf, 0, n);
          }
        }
      } catch (IOException e) {
        // the process was killed: its output ends here
      }
    }, "child-output");
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * @param jvmOptions e.g. system properties for the child's logging
   * @param env variables added to this process's environment
   * @param args the cuepoint command line
   */
  static ChildJvm start(List<String> jvmOptions, Map<String, String> env, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(jvmOptions);
    cmd.add("dev.cuepoint.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(Path.of("").toAbsolutePath().toFile());
    pb.environment().putAll(env);
    try {
      return new ChildJvm(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to end by itself; returns its exit status. */
  /**
   * Watches the process for {@code millis} ms — the moment a signal is meant to land — and fails if it
   * ends by itself meanwhile (a crash before the signal would otherwise be blamed on the signal).
   */
  void staysUpFor(long millis) throws InterruptedException {
    if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
      throw new AssertionError("cuepoint ended by itself (status " + process.exitValue() + ") within " + millis
          + " ms, before the signal:\n" + output());
    }
  }

  int await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("cuepoint did not end within " + seconds + " s:\n" + output());
    }
    drain.join(5_000);
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no finally block, no chance to tidy up. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    drain.join(5_000);
  }

  String output() {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
