/**
 * The benchmark harness (issue 7): builds corpora from the real 3Blue1Brown captions (as they are, and
 * recombined into 1,000 to 100,000 videos), indexes them with Cuepoint and with SQLite FTS5 side by
 * side, measures indexing, index size, in-process latency (JMH, and a thread-pool driver for
 * concurrency), HTTP latency (wrk, or a Java driver) and start-up, and writes a Markdown report with
 * PNG plots. Entry point: {@link dev.cuepoint.bench.Bench}; run with {@code ./mvnw -Pbench verify}.
 * Test code: it may use every main package, nothing in main uses it.
 */
package dev.cuepoint.bench;
