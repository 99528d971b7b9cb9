package io.reqlens.benchmarks.overhead;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The end-to-end overhead harness: the example service under every configuration of {@code
 * benchmarks/overhead-configurations.txt}, round after round (each round runs every configuration
 * once, in an order rotated from the previous round), each run measuring:
 *
 * <ol>
 *   <li>start-up: JVM launch to the first answered {@code GET /api/users/1};
 *   <li>closed loop (wrk, or the Java generator): maximum throughput, p50/p99, and from the
 *       service's own counters CPU time, allocated bytes and GC time per request;
 *   <li>open loop at a fixed rate (half the agent's maximum, so latency is service time, not
 *       queueing): p50/p99 measured from when each request was due, CPU and allocation per request.
 * </ol>
 *
 * <p>Every traced configuration exports to the same loopback OTLP/HTTP sink ({@link OtlpSink}).
 * Run: {@code benchmarks/overhead.sh} (builds, installs wrk, passes the jar paths); options in
 * {@link Settings#USAGE}. Writes {@code rounds.csv}, {@code results.md} and the services' logs
 * under {@code benchmarks/target/overhead/}.
 */
public final class OverheadMain {

  private OverheadMain() {}

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<Configuration> configurations =
        select(Configuration.read(settings.configurations()), settings.only());
    Files.createDirectories(settings.output());
    boolean wrk = !settings.javaLoad() && Wrk.available();
    PrintStream out = System.out;
    String machine = Machine.describe();
    out.println(machine);
    out.println(
        "closed loop: "
            + (wrk
                ? "wrk -t1 -c" + settings.connections()
                : "Java generator, " + settings.connections() + " connections")
            + "; "
            + settings.rounds()
            + " rounds of "
            + settings.warmup().toSeconds()
            + " s warm-up + "
            + settings.duration().toSeconds()
            + " s closed + "
            + settings.duration().toSeconds()
            + " s open loop per configuration");
    List<Measurement> measurements = new ArrayList<>();
    Path csv = settings.output().resolve("rounds.csv");
    Files.writeString(csv, Measurement.csvHeader() + "\n", StandardCharsets.UTF_8);
    Runner.Rate rate = new Runner.Rate(settings.rate());
    int first = firstIndex(configurations);
    try (OtlpSink sink = new OtlpSink()) {
      Runner runner = new Runner(settings, sink, wrk);
      for (int round = 1; round <= settings.rounds(); round++) {
        for (int k = 0; k < configurations.size(); k++) {
          Configuration c = configurations.get((first + round - 1 + k) % configurations.size());
          Measurement m = runner.measure(c, round, rate);
          measurements.add(m);
          Files.writeString(
              csv, m.csv() + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
          out.printf(
              Locale.ROOT,
              "round %d %-16s start %,6.0f ms | closed %,7.0f req/s cpu %6.1f µs alloc %,8.0f B p99 %6.2f ms"
                  + " | open p50 %6.2f p99 %6.2f ms cpu %6.1f µs alloc %,8.0f B (request threads %,.0f, export"
                  + " %,.0f) | spans/req %.2f%s%n",
              round,
              c.name(),
              m.startupMillis(),
              m.closed().throughput(),
              m.closed().cpuMicrosPerRequest(),
              m.closed().allocatedBytesPerRequest(),
              m.closed().p99Micros() / 1e3,
              m.open().p50Micros() / 1e3,
              m.open().p99Micros() / 1e3,
              m.open().cpuMicrosPerRequest(),
              m.open().allocatedBytesPerRequest(),
              m.open().requestThreadBytesPerRequest(),
              m.open().exportThreadBytesPerRequest(),
              m.spansPerRequest(),
              m.closed().errors() + m.open().errors() > 0
                  ? " ERRORS " + (m.closed().errors() + m.open().errors())
                  : "");
        }
      }
    }
    Report report = new Report(configurations, measurements);
    String result =
        "# Overhead, "
            + Instant.now()
            + "\n\n"
            + machine
            + "\n\n## Closed loop (maximum throughput), median of "
            + settings.rounds()
            + " rounds; (…) vs baseline, paired by round\n\n"
            + report.closedLoopTable()
            + String.format(
                Locale.ROOT,
                "%n## Open loop at %.0f req/s (%s; %d connections, latency from when each request"
                    + " was due)%n%n",
                rate.perSecond,
                rate.setBy,
                settings.openConnections())
            + report.openLoopTable()
            + "\nLoad average at the end: "
            + Machine.loadAverage()
            + "\n";
    Files.writeString(settings.output().resolve("results.md"), result, StandardCharsets.UTF_8);
    out.println();
    out.println(result);
  }

  /** The configurations asked for, with the baselines they compare with, in file order. */
  private static List<Configuration> select(List<Configuration> all, Set<String> only) {
    if (only.isEmpty()) {
      return all;
    }
    Set<String> names = new LinkedHashSet<>(only);
    for (Configuration c : all) {
      if (only.contains(c.name()) && c.baseline() != null) {
        names.add(c.baseline());
      }
    }
    List<Configuration> out = all.stream().filter(c -> names.contains(c.name())).toList();
    if (out.size() < names.size()) {
      throw new IllegalArgumentException("--only names an unknown configuration: " + only);
    }
    return out;
  }

  /** Round 1 starts with the agent (when listed), whose maximum sets the open-loop rate. */
  private static int firstIndex(List<Configuration> configurations) {
    for (int i = 0; i < configurations.size(); i++) {
      if (configurations.get(i).name().equals("agent")) {
        return i;
      }
    }
    return 0;
  }
}
