package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.testing.EventGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report streams: about 200 MB of events (13 files, as rotation would leave them) are read by a
 * child JVM whose heap is capped at 32 MiB, so it could not hold even a tenth of the input.
 */
class StreamingHeapIT {

  static final long TARGET_BYTES = 200L << 20;
  static final String HEAP = "-Xmx32m";

  @TempDir Path dir;

  @Test
  void readsTwoHundredMegabytesInAThirtyTwoMegabyteHeap() throws Exception {
    long requests = generate(dir, TARGET_BYTES);
    long bytes = size(dir);
    assertThat(bytes).isGreaterThan(TARGET_BYTES - (1 << 20));

    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(HEAP);
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ReqlensReport.class.getName());
    cmd.addAll(List.of("report", "--json", "--no-progress", "--zone", "UTC", dir.toString()));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "streamed %d MB in %.1f s (%.0f MB/s incl. JVM start) with %s%n",
        bytes >> 20, seconds, bytes / 1e6 / seconds, HEAP);

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("\"requests\" : " + requests + ",");
    // No bound on the time: it measures the machine (two shared cores, other builds), not the
    // report; the heap cap is what proves streaming. The figure is printed above.
  }

  /** Writes rotated-size files until {@code target} bytes; returns the requests written. */
  static long generate(Path dir, long target) throws IOException {
    EventGenerator g = new EventGenerator(2026);
    long ts = 1_795_000_000_000_000_000L;
    long requests = 0;
    int file = 0;
    while (size(dir) < target) {
      Path f = dir.resolve(String.format("events-20261120T%06d.000Z-1-a-%d.jsonl", file, file));
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.UTF_8), 1 << 16)) {
        ts = g.write(w, 40_000, ts, 50_000_000L, Long.MAX_VALUE);
      }
      requests += 40_000;
      file++;
    }
    return requests;
  }

  static long size(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
