package io.reqlens.examples;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code GET /bench/stats}: the service's own counters for the overhead harness ({@code
 * benchmarks/overhead.sh}), registered only when {@value #ENV}{@code =1}. It answers one JSON line:
 *
 * <pre>{"cpu_ns":…,"allocated_bytes":…,"allocated_request_threads":…,"allocated_export_threads":…,
 *  "gc_count":…,"gc_ms":…,"threads":…}</pre>
 *
 * <ul>
 *   <li>{@code cpu_ns}: the process's CPU time (all threads: request threads, the agent's export
 *       thread, GC and JIT), from {@code OperatingSystemMXBean.getProcessCpuTime()};
 *   <li>{@code allocated_bytes}: the sum of {@code ThreadMXBean.getThreadAllocatedBytes} over the
 *       live threads. Why not a JFR recording? The harness reads it before and after a measurement
 *       window and divides by the requests served; a thread that died inside the window takes its
 *       count with it, which is why the harness also reports {@code threads} to show the pool was
 *       stable;
 *   <li>{@code allocated_request_threads}, {@code allocated_export_threads}: the same for the
 *       threads that run requests (Jetty's pool) and for the batch span processor's thread (span
 *       export), to tell where an allocation difference comes from;
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

  /** Javalin's Jetty pool: the threads that run requests. */
  private static final String REQUEST_THREADS = "JettyServerThreadPool";

  /** The SDK's batch span processor thread: where spans are encoded and exported. */
  private static final String EXPORT_THREADS = "BatchSpanProcessor";

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
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    java.lang.management.ThreadInfo[] infos = threads.getThreadInfo(ids);
    long allocated = 0;
    long requestThreads = 0;
    long exportThreads = 0;
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] <= 0 || infos[i] == null) { // -1 / null: the thread ended meanwhile
        continue;
      }
      allocated += bytes[i];
      String name = infos[i].getThreadName();
      if (name.startsWith(REQUEST_THREADS)) {
        requestThreads += bytes[i];
      } else if (name.startsWith(EXPORT_THREADS)) {
        exportThreads += bytes[i];
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
                + ",\"allocated_request_threads\":"
                + requestThreads
                + ",\"allocated_export_threads\":"
                + exportThreads
                + ",\"gc_count\":"
                + gcCount
                + ",\"gc_ms\":"
                + gcMs
                + ",\"threads\":"
                + ids.length
                + "}");
  }
}
