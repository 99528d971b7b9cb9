package io.reqlens.examples;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code GET /bench/stats}: the service's own counters for the overhead harness ({@code
 * benchmarks/overhead.sh}), registered only when {@value #ENV}{@code =1}. It answers one JSON line:
 *
 * <pre>{"cpu_ns":…,"allocated_bytes":…,"gc_count":…,"gc_ms":…,"threads":…}</pre>
 *
 * <ul>
 *   <li>{@code cpu_ns}: the process's CPU time (all threads: request threads, the agent's export
 *       thread, GC and JIT), from {@code OperatingSystemMXBean.getProcessCpuTime()};
 *   <li>{@code allocated_bytes}: the sum of {@code ThreadMXBean.getThreadAllocatedBytes} over the
 *       live threads. Why not a JFR recording? The harness reads it before and after a measurement
 *       window and divides by the requests served; a thread that died inside the window takes its
 *       count with it, which is why the harness also reports {@code threads} to show the pool was
 *       stable;
 *   <li>{@code gc_count}, {@code gc_ms}: summed over the garbage collectors.
 * </ul>
 *
 * <p>Not a feature of the example: it exposes nothing about requests, binds with the service on
 * loopback, and is absent unless the harness asks for it.
 */
final class BenchmarkStats {

  /** The environment variable that registers the endpoint when {@code 1}. */
  static final String ENV = "REQLENS_EXAMPLE_BENCHMARK";

  static final String PATH = "/bench/stats";

  private BenchmarkStats() {}

  static void registerIfEnabled(RoutesConfig routes) {
    if ("1".equals(System.getenv(ENV))) {
      routes.get(PATH, BenchmarkStats::answer);
    }
  }

  private static void answer(Context ctx) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long allocated = 0;
    for (long bytes : threads.getThreadAllocatedBytes(ids)) {
      if (bytes > 0) { // -1 for a thread that ended between the two calls
        allocated += bytes;
      }
    }
    long gcCount = 0;
    long gcMs = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMs += Math.max(0, gc.getCollectionTime());
    }
    ctx.contentType("application/json")
        .result(
            "{\"cpu_ns\":"
                + os.getProcessCpuTime()
                + ",\"allocated_bytes\":"
                + allocated
                + ",\"gc_count\":"
                + gcCount
                + ",\"gc_ms\":"
                + gcMs
                + ",\"threads\":"
                + ids.length
                + "}");
  }
}
