package io.reqlens.benchmarks;

import io.reqlens.report.internal.serve.Dashboard;
import io.reqlens.report.internal.serve.DashboardConfig;
import io.reqlens.report.testing.EventGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code reqlens serve} at scale: generates {@code SIZE_MB} of realistic events (the report's
 * {@link EventGenerator}, timestamps over the last 20 hours so the default 24 h window holds them)
 * as 16 MiB files, starts the dashboard on them and measures the time until the overview document
 * (the first page's data) is served with everything read; then appends the same amount again,
 * {@code ROUNDS} times, while the dashboard follows, and prints the live heap and the process's
 * resident memory after each round: it levels off once {@code --max-requests} is reached.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xmx512m -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     io.reqlens.benchmarks.ServeScaleBenchmark 100 5
 * </pre>
 *
 * <p>A plain {@code main}: one cold start over 100 MB is the unit measured. Input is written to
 * {@code benchmarks/target/serve-scale} (removed first).
 */
public final class ServeScaleBenchmark {

  private static final long FILE_BYTES = 16L << 20;
  private static final long HOURS_20_NS = 20 * 3_600_000_000_000L;

  private ServeScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path dir = Paths.get("benchmarks/target/serve-scale");
    deleteAll(dir);
    Files.createDirectories(dir);
    long now = System.currentTimeMillis() * 1_000_000L;
    long bytes = (long) sizeMb << 20;
    // ~1.6 KB per request: spread one SIZE_MB over 20 hours, each round over the same span again.
    long gap = HOURS_20_NS / (bytes / 1600);
    EventGenerator g = new EventGenerator(2026);
    long[] ts = {now - HOURS_20_NS};
    int[] file = {0};
    generate(dir, g, ts, gap, bytes, file);

    HttpClient http = HttpClient.newHttpClient();
    long cpu0 = cpuNs();
    long t0 = System.nanoTime();
    try (Dashboard d =
        Dashboard.start(
            new DashboardConfig()
                .inputs(List.of(dir))
                .bind(InetAddress.getLoopbackAddress(), 0, false))) {
      String bearer = "Bearer " + d.token();
      while (!get(http, d.base(), "/api/v1/status", bearer).contains("\"ready\":true")) {
        Thread.sleep(10);
      }
      String overview = get(http, d.base(), "/api/v1/overview", bearer);
      long firstPage = System.nanoTime() - t0;
      System.out.printf(
          Locale.ROOT,
          "input: %d MiB in %d files; first overview served %.2f s after start (%d KB of JSON),"
              + " process CPU until then %.2f s, of which the follower thread %.2f s%n",
          sizeMb,
          file[0],
          firstPage / 1e9,
          overview.length() / 1024,
          (cpuNs() - cpu0) / 1e9,
          followerCpuNs() / 1e9);
      long t1 = System.nanoTime();
      get(
          http,
          d.base(),
          "/api/v1/route?route=%2Fapi%2Forders&method=GET&service=reqlens-example",
          bearer);
      System.out.printf(
          Locale.ROOT, "route page document: %.0f ms%n", (System.nanoTime() - t1) / 1e6);
      memory(http, d, bearer, sizeMb);
      for (int r = 1; r <= rounds; r++) {
        ts[0] = now - HOURS_20_NS + r * 1_000_000L; // the same 20 h again, in new files
        generate(dir, g, ts, gap, bytes, file);
        String version = "";
        // Wait until the follower has read the new files (two polls without change).
        String status = get(http, d.base(), "/api/v1/status", bearer);
        do {
          Thread.sleep(2000);
          version = status;
          status = get(http, d.base(), "/api/v1/status", bearer);
        } while (!field(status, "bytes_read").equals(field(version, "bytes_read")));
        long t2 = System.nanoTime();
        get(http, d.base(), "/api/v1/overview", bearer);
        System.out.printf(
            Locale.ROOT,
            "after %d MiB: overview recomputed in %.0f ms; ",
            sizeMb * (r + 1),
            (System.nanoTime() - t2) / 1e6);
        memory(http, d, bearer, sizeMb * (r + 1));
      }
    }
  }

  private static void memory(HttpClient http, Dashboard d, String bearer, int mb) throws Exception {
    System.gc();
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap += pool.getUsage().getUsed();
      }
    }
    String status = get(http, d.base(), "/api/v1/status", bearer);
    System.out.printf(
        Locale.ROOT,
        "%d MiB read: %s requests held (cap 200000), live heap after GC %.1f MiB, RSS %s%n",
        mb,
        field(status, "stored"),
        heap / 1048576.0,
        rss());
  }

  private static long cpuNs() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of the dashboard's follower thread (reads, parses, assembles, stores). */
  private static long followerCpuNs() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false)) {
      if (t.getThreadName().equals("reqlens-serve-follow")) {
        return threads.getThreadCpuTime(t.getThreadId());
      }
    }
    return -1;
  }

  private static String rss() throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return line.substring(6).trim();
      }
    }
    return "?";
  }

  private static String field(String json, String name) {
    int i = json.indexOf("\"" + name + "\":");
    if (i < 0) {
      return "?";
    }
    int from = i + name.length() + 3;
    int to = from;
    while (to < json.length() && Character.isDigit(json.charAt(to))) {
      to++;
    }
    return json.substring(from, to);
  }

  private static String get(HttpClient http, URI base, String path, String bearer)
      throws Exception {
    return http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", bearer)
                .timeout(Duration.ofMinutes(2))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void generate(Path dir, EventGenerator g, long[] ts, long gap, long bytes, int[] n)
      throws IOException {
    long written = 0;
    while (written < bytes) {
      Path f =
          dir.resolve(
              String.format(Locale.ROOT, "events-20261120T%06d.000Z-1-a-%06d.jsonl", n[0], n[0]));
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.UTF_8), 1 << 16)) {
        int requests = (int) (FILE_BYTES / 1600);
        ts[0] = g.write(w, requests, ts[0], gap, Long.MAX_VALUE);
      }
      written += Files.size(f);
      n[0]++;
    }
  }

  private static void deleteAll(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
  }
}
