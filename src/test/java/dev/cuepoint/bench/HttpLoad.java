package dev.cuepoint.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load on a running server: {@code wrk} when it is installed ({@code apt-get install wrk}), with
 * a Lua script that cycles through the URL paths and prints p50/p95/p99; otherwise a small Java driver
 * (java.net.http, one thread and one keep-alive connection per simulated user). Both are closed-loop:
 * each of {@code concurrency} connections sends its next request when the last is answered.
 */
final class HttpLoad {
  private final String baseUrl;
  private final boolean wrk;
  private final Path scratch;

  /** @param baseUrl {@code http://host:port}, without a trailing slash; paths start with one */
  HttpLoad(String baseUrl, Path scratch, boolean javaOnly) {
    this.baseUrl = baseUrl;
    this.scratch = scratch;
    this.wrk = !javaOnly && onPath("wrk");
  }

  String tool() {
    return wrk ? "wrk " + wrkVersion() : "the Java driver (java.net.http" + (onPath("wrk") ? ")" : "; wrk was not found: apt-get install wrk)");
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static String wrkVersion() {
    try {
      Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      Matcher m = Pattern.compile("wrk (\\S+)").matcher(out);
      return m.find() ? m.group(1) : "";
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  /** Runs {@code concurrency} closed-loop users over {@code paths} (cycled) for {@code seconds}. */
  Latencies run(List<String> paths, int concurrency, double seconds) throws Exception {
    return wrk ? wrk(paths, concurrency, seconds) : java(paths, concurrency, seconds);
  }

  private Latencies wrk(List<String> paths, int concurrency, double seconds) throws Exception {
    StringBuilder lua = new StringBuilder("local paths = {");
    for (String p : paths) {
      lua.append('"').append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",");
    }
    lua.append("}\nlocal i = 0\n")
        .append("request = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")
        .append("done = function(summary, latency, requests)\n")
        .append("  local errors = summary.errors.connect + summary.errors.read + summary.errors.write")
        .append(" + summary.errors.status + summary.errors.timeout\n")
        .append("  io.write(string.format(\"RESULT %d %d %d %d %d %d\\n\", latency:percentile(50),")
        .append(" latency:percentile(95), latency:percentile(99), summary.requests, summary.duration, errors))\n")
        .append("end\n");
    Path script = scratch.resolve("mix.lua");
    Files.createDirectories(scratch);
    Files.writeString(script, lua);
    int threads = Math.min(concurrency, 2); // the machine has 2 cores, shared with the server
    Process p = new ProcessBuilder("wrk", "-t" + threads, "-c" + concurrency,
        "-d" + Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s", "-s", script.toString(), baseUrl)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(Math.round(seconds) + 60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("wrk failed: " + out);
    }
    Matcher m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(out);
    if (!m.find()) {
      throw new IOException("no RESULT line in wrk's output: " + out);
    }
    double durationS = Long.parseLong(m.group(5)) / 1e6;
    long requests = Long.parseLong(m.group(4));
    return new Latencies(Long.parseLong(m.group(1)) / 1e3, Long.parseLong(m.group(2)) / 1e3,
        Long.parseLong(m.group(3)) / 1e3, requests / durationS, requests, Long.parseLong(m.group(6)));
  }

  private Latencies java(List<String> paths, int concurrency, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<long[]>> futures = new ArrayList<>();
    long[] errors = new long[concurrency];
    try {
      for (int t = 0; t < concurrency; t++) {
        int worker = t;
        futures.add(pool.submit(() -> {
          // one client each: one connection per simulated user, as wrk's connections
          HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10)).build();
          long[] samples = new long[1 << 14];
          int n = 0;
          int i = worker * 7;
          while (!stop.get()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + paths.get(i++ % paths.size())))
                .timeout(Duration.ofSeconds(10)).build();
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
              long took = System.nanoTime() - t0;
              if (r.statusCode() / 100 != 2) {
                errors[worker]++;
                continue;
              }
              if (n == samples.length) {
                samples = java.util.Arrays.copyOf(samples, n * 2);
              }
              samples[n++] = took;
            } catch (IOException e) {
              errors[worker]++;
            }
          }
          return java.util.Arrays.copyOf(samples, n);
        }));
      }
      long start = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : futures) {
        all.add(f.get());
      }
      return Latencies.merged(all, (System.nanoTime() - start) / 1e9, java.util.Arrays.stream(errors).sum());
    } finally {
      pool.shutdownNow();
    }
  }
}
