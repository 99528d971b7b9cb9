package io.reqlens.benchmarks;

import io.reqlens.report.internal.analysis.Analysis;
import io.reqlens.report.internal.analysis.AnalysisOptions;
import io.reqlens.report.internal.analysis.ReportData;
import io.reqlens.report.internal.analysis.RequestAssembler;
import io.reqlens.report.internal.input.EventReader;
import io.reqlens.report.internal.input.InputFiles;
import io.reqlens.report.testing.EventGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * How fast {@code reqlens report} reads event files, and how much heap it needs: generates {@code
 * SIZE_MB} of realistic events (7 routes, N+1 list endpoint, errors with tracebacks, sampled health
 * checks) as 16 MiB rotated files, then runs the report's streaming pipeline (read, parse,
 * assemble, aggregate every section) over them on the main thread.
 *
 * <p>A plain {@code main}, not JMH: the unit of work is one pass over a gigabyte of files (seconds,
 * dominated by parsing), measured once per JVM with its heap use; JMH's repeated small iterations
 * and forked harness would add nothing but time here. Run, pinned to one core:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * taskset -c 0 java -Xmx256m -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     io.reqlens.benchmarks.ReportScaleBenchmark 1024
 * taskset -c 0 java -Xmx256m -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     io.reqlens.benchmarks.ReportScaleBenchmark 128
 * </pre>
 *
 * <p>Input is kept in {@code benchmarks/target/report-scale/SIZE_MB} for the next run. Prints MB/s
 * (wall and per CPU-second of the reading thread), the peak heap used during the pass, and the heap
 * still used after a full GC with all aggregates alive (what the report holds).
 */
public final class ReportScaleBenchmark {

  private static final long FILE_BYTES = 16L << 20;

  private ReportScaleBenchmark() {}

  public static void main(String[] args) throws IOException {
    int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    Path dir = Paths.get(args.length > 1 ? args[1] : "benchmarks/target/report-scale/" + sizeMb);
    generate(dir, (long) sizeMb << 20);
    List<Path> files = InputFiles.list(List.of(dir)).files;

    // Warm-up pass over the first files so the JIT has compiled the hot path.
    run(files.subList(0, Math.min(4, files.size())));
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Result r = run(files);
    long wall = System.nanoTime() - t0;
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long retained = usedHeap();
    double mb = r.data.input.bytesRead / 1e6;
    System.out.printf(
        Locale.ROOT,
        "input: %d files, %.0f MB, %,d events, %,d requests%n",
        files.size(),
        mb,
        r.data.input.events(),
        r.data.totals.requests);
    System.out.printf(
        Locale.ROOT,
        "wall: %.2f s = %.0f MB/s; reading thread CPU: %.2f s = %.0f MB/s" + " per CPU-second%n",
        wall / 1e9,
        mb / (wall / 1e9),
        cpu / 1e9,
        mb / (cpu / 1e9));
    System.out.printf(
        Locale.ROOT,
        "heap: max %d MiB, peak used during the pass %.1f MiB, retained"
            + " after full GC with all aggregates alive %.1f MiB%n",
        Runtime.getRuntime().maxMemory() >> 20,
        peak / 1048576.0,
        retained / 1048576.0);
    System.out.println(
        "java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " CPU(s) visible; slowest route: "
            + r.data.routes.get(0).name()
            + " (keeps the result alive: "
            + r.data.routes.size()
            + ")");
  }

  private static final class Result {
    final ReportData data;

    Result(ReportData data) {
      this.data = data;
    }
  }

  private static Result run(List<Path> files) {
    AnalysisOptions options = new AnalysisOptions();
    Analysis analysis = new Analysis(options);
    RequestAssembler assembler = new RequestAssembler(analysis);
    EventReader reader = new EventReader();
    reader.read(files, assembler, EventReader.Progress.NONE);
    assembler.finish();
    return new Result(analysis.result(reader.stats(), assembler));
  }

  private static long usedHeap() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }

  private static void generate(Path dir, long target) throws IOException {
    Files.createDirectories(dir);
    long have = 0;
    try (var s = Files.list(dir)) {
      have = s.mapToLong(f -> f.toFile().length()).sum();
    }
    if (have >= target) {
      return;
    }
    System.out.printf("generating %d MiB of events in %s ...%n", target >> 20, dir);
    EventGenerator g = new EventGenerator(2026);
    long ts = 1_795_000_000_000_000_000L;
    int n = 0;
    long written = 0;
    while (written < target) {
      Path f =
          dir.resolve(String.format(Locale.ROOT, "events-20261120T%06d.000Z-1-a-%d.jsonl", n, n));
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.UTF_8), 1 << 16)) {
        // ~1.3 KB per request on average (the N+1 route writes ~20 DB lines).
        ts = g.write(w, (int) (FILE_BYTES / 1300), ts, 20_000_000L, ts + 86_400_000_000_000L);
      }
      written += Files.size(f);
      n++;
    }
  }
}
