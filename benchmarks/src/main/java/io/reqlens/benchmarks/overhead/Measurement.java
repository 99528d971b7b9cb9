package io.reqlens.benchmarks.overhead;

/**
 * One configuration's figures in one round. Per-request figures divide the service's counters
 * (whole process: request threads, export threads, GC, JIT) over the phase by the requests served
 * in it.
 *
 * @param startupMillis JVM launch to the first answered request
 * @param spansPerRequest spans the sink received over the service's life / requests sent to it
 */
record Measurement(
    String configuration,
    int round,
    double startupMillis,
    Phase closed,
    Phase open,
    double spansPerRequest) {

  /** One measured phase (closed or open loop). */
  record Phase(
      double throughput,
      double p50Micros,
      double p99Micros,
      double cpuMicrosPerRequest,
      double allocatedBytesPerRequest,
      double requestThreadBytesPerRequest,
      double exportThreadBytesPerRequest,
      double gcMillisPerThousand,
      long requests,
      long errors) {

    static Phase of(
        double throughput,
        double p50Micros,
        double p99Micros,
        long requests,
        long errors,
        ServiceProcess.Stats before,
        ServiceProcess.Stats after) {
      double n = Math.max(1, requests);
      return new Phase(
          throughput,
          p50Micros,
          p99Micros,
          (after.cpuNanos() - before.cpuNanos()) / 1e3 / n,
          (after.allocatedBytes() - before.allocatedBytes()) / n,
          (after.requestThreadBytes() - before.requestThreadBytes()) / n,
          (after.exportThreadBytes() - before.exportThreadBytes()) / n,
          (after.gcMillis() - before.gcMillis()) * 1000.0 / n,
          requests,
          errors);
    }
  }

  static String csvHeader() {
    return "configuration,round,startup_ms,spans_per_request,"
        + "closed_rps,closed_p50_us,closed_p99_us,closed_cpu_us,closed_alloc_b,closed_alloc_request_b,"
        + "closed_alloc_export_b,closed_gc_ms_per_1k,"
        + "closed_requests,closed_errors,"
        + "open_rps,open_p50_us,open_p99_us,open_cpu_us,open_alloc_b,open_alloc_request_b,"
        + "open_alloc_export_b,open_gc_ms_per_1k,"
        + "open_requests,open_errors";
  }

  String csv() {
    return String.join(
        ",",
        configuration,
        Integer.toString(round),
        f(startupMillis),
        f(spansPerRequest),
        phase(closed),
        phase(open));
  }

  private static String phase(Phase p) {
    return String.join(
        ",",
        f(p.throughput),
        f(p.p50Micros),
        f(p.p99Micros),
        f(p.cpuMicrosPerRequest),
        f(p.allocatedBytesPerRequest),
        f(p.requestThreadBytesPerRequest),
        f(p.exportThreadBytesPerRequest),
        f(p.gcMillisPerThousand),
        Long.toString(p.requests),
        Long.toString(p.errors));
  }

  private static String f(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
