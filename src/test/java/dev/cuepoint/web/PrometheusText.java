package dev.cuepoint.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), written from its
 * specification for the tests: every line is a {@code # HELP}, a {@code # TYPE} or a sample; names and
 * label names have the allowed characters; label values are quoted with only {@code \\ \" \n}
 * escapes; values are floats, {@code NaN} or {@code ±Inf}; a family's TYPE comes before its samples and
 * only once; a histogram's buckets rise in {@code le}, are cumulative, and end with {@code +Inf} equal
 * to {@code _count}. Anything else is an {@link AssertionError} naming the line.
 */
final class PrometheusText {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");

  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {}

  final Map<String, String> types = new LinkedHashMap<>();
  final List<Sample> samples = new ArrayList<>();

  static PrometheusText parse(String text) {
    PrometheusText p = new PrometheusText();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new AssertionError("the exposition must end with a line feed");
    }
    Map<String, String> helps = new HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length - 1; n++) {
      String line = lines[n];
      String where = "line " + (n + 1) + " '" + line + "'";
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] parts = line.split(" ", 4);
        if (parts.length >= 3 && parts[1].equals("HELP")) {
          check(NAME.matcher(parts[2]).matches(), where + ": bad metric name");
          check(helps.put(parts[2], parts.length > 3 ? parts[3] : "") == null, where + ": second HELP");
        } else if (parts.length == 4 && parts[1].equals("TYPE")) {
          check(NAME.matcher(parts[2]).matches(), where + ": bad metric name");
          check(TYPES.contains(parts[3]), where + ": unknown type");
          check(!p.types.containsKey(parts[2]), where + ": second TYPE for " + parts[2]);
          check(p.samples.stream().noneMatch(s -> family(s.name(), parts[2])), where + ": TYPE after samples");
          p.types.put(parts[2], parts[3]);
        }
        continue; // other comments are allowed
      }
      p.samples.add(sample(line, where));
    }
    p.checkHistograms();
    return p;
  }

  private static boolean family(String sample, String family) {
    return sample.equals(family) || sample.startsWith(family + "_")
        && List.of("_bucket", "_count", "_sum", "_total", "_created").contains(sample.substring(family.length()));
  }

  private static Sample sample(String line, String where) {
    Matcher m = NAME.matcher(line);
    check(m.lookingAt(), where + ": no metric name");
    String name = m.group();
    int i = m.end();
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        Matcher l = LABEL_NAME.matcher(line).region(i, line.length());
        check(l.lookingAt(), where + ": bad label name at " + i);
        i = l.end();
        check(line.startsWith("=\"", i), where + ": label without =\"");
        i += 2;
        StringBuilder v = new StringBuilder();
        while (line.charAt(i) != '"') {
          char c = line.charAt(i++);
          if (c == '\\') {
            char e = line.charAt(i++);
            check(e == '\\' || e == '"' || e == 'n', where + ": bad escape \\" + e);
            v.append(e == 'n' ? '\n' : e);
          } else {
            v.append(c);
          }
        }
        i++;
        check(labels.put(l.group(), v.toString()) == null, where + ": label twice");
        if (line.charAt(i) == ',') {
          i++;
        } else {
          check(line.charAt(i) == '}', where + ": expected , or }");
        }
      }
      i++;
    }
    check(i < line.length() && line.charAt(i) == ' ', where + ": no space before the value");
    String[] rest = line.substring(i + 1).split(" ");
    check(rest.length == 1 || rest.length == 2, where + ": value then at most a timestamp");
    double value = switch (rest[0]) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        check(rest[0].matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?"), where + ": bad value");
        yield Double.parseDouble(rest[0]);
      }
    };
    if (rest.length == 2) {
      check(rest[1].matches("-?[0-9]+"), where + ": bad timestamp");
    }
    return new Sample(name, labels, value);
  }

  private void checkHistograms() {
    for (var t : types.entrySet()) {
      if (!t.getValue().equals("histogram")) {
        continue;
      }
      String family = t.getKey();
      Map<Map<String, String>, List<Sample>> series = new LinkedHashMap<>();
      for (Sample s : samples) {
        if (s.name().equals(family + "_bucket")) {
          Map<String, String> key = new LinkedHashMap<>(s.labels());
          check(key.remove("le") != null, family + ": a bucket without le");
          series.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
      }
      check(!series.isEmpty(), family + ": a histogram without buckets");
      for (var e : series.entrySet()) {
        double le = Double.NEGATIVE_INFINITY;
        double count = 0;
        for (Sample b : e.getValue()) {
          double bound = b.labels().get("le").equals("+Inf") ? Double.POSITIVE_INFINITY
              : Double.parseDouble(b.labels().get("le"));
          check(bound > le, family + e.getKey() + ": le not rising at " + bound);
          check(b.value() >= count, family + e.getKey() + ": buckets not cumulative at " + bound);
          le = bound;
          count = b.value();
        }
        check(le == Double.POSITIVE_INFINITY, family + e.getKey() + ": no +Inf bucket");
        Double total = value(family + "_count", e.getKey());
        check(total != null && total == count, family + e.getKey() + ": +Inf bucket " + count + " != _count " + total);
      }
    }
  }

  /** The value of the sample with exactly these labels, or null. */
  Double value(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
        .map(Sample::value).findFirst().orElse(null);
  }

  /** The value of the sample with these labels (name, value pairs), failing when there is none. */
  double get(String name, String... labelPairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.put(labelPairs[i], labelPairs[i + 1]);
    }
    Double v = value(name, labels);
    if (v == null) {
      throw new AssertionError("no sample " + name + labels + " in the metrics");
    }
    return v;
  }

  /** Samples of this name, whatever their labels. */
  List<Sample> all(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("not Prometheus text: " + what);
    }
  }
}
