package io.reqlens.benchmarks.overhead;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The harness's command line. Every option has a default that suits an unattended run on two cores;
 * {@code overhead.sh} passes the jar paths.
 *
 * @param rate open-loop requests a second; 0: half the closed-loop throughput of the first
 *     configuration measured in round 1 (the agent: the rotation starts there)
 * @param slowInFlight requests to {@code /api/slow} kept in flight throughout each run (0: none)
 */
record Settings(
    Path exampleJar,
    Path agentJar,
    Path extensionJar,
    Path configurations,
    Path output,
    int rounds,
    Duration warmup,
    Duration duration,
    int connections,
    int openConnections,
    double rate,
    Set<String> only,
    boolean jfr,
    boolean javaLoad,
    List<String> jvmArgs,
    int slowInFlight) {

  static final String USAGE =
      """
      usage: OverheadMain --example JAR --agent JAR --extension JAR [options]
        --configurations FILE  configuration list (default benchmarks/overhead-configurations.txt)
        --output DIR           logs, raw rounds and the table (default benchmarks/target/overhead)
        --rounds N             rounds, configurations interleaved in each (default 3)
        --warmup SECONDS       closed-loop warm-up before measuring (default 15)
        --duration SECONDS     each measured phase, closed and open loop (default 20)
        --connections N        closed-loop connections (default 8)
        --open-connections N   open-loop connections (default 16)
        --rate N               open-loop requests/s (default: half the agent's closed-loop maximum)
        --only A,B             only these configurations (their baselines are added)
        --jfr                  record a JFR profile of each service run (settings=profile)
        --java-load            use the Java closed-loop generator instead of wrk
        --jvm-arg ARG          a service JVM option (repeatable; default -Xms256m -Xmx256m)
        --slow-in-flight N     keep N requests of GET /api/slow?ms=1000 in flight during each run,
                               beside the measured load (the profiler's busy case; default 0)
      """;

  Path dataDirectory() {
    return output.resolve("data");
  }

  static Settings parse(String[] args) {
    Path example = null;
    Path agent = null;
    Path extension = null;
    Path configurations = Path.of("benchmarks", "overhead-configurations.txt");
    Path output = Path.of("benchmarks", "target", "overhead");
    int rounds = 3;
    int warmup = 15;
    int duration = 20;
    int connections = 8;
    int openConnections = 16;
    double rate = 0;
    Set<String> only = Set.of();
    boolean jfr = false;
    boolean javaLoad = false;
    List<String> jvmArgs = new ArrayList<>();
    int slowInFlight = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--jfr" -> jfr = true;
        case "--java-load" -> javaLoad = true;
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("missing value after " + a + "\n" + USAGE);
          }
          String v = args[++i];
          switch (a) {
            case "--example" -> example = Path.of(v);
            case "--agent" -> agent = Path.of(v);
            case "--extension" -> extension = Path.of(v);
            case "--configurations" -> configurations = Path.of(v);
            case "--output" -> output = Path.of(v);
            case "--rounds" -> rounds = positive(a, v);
            case "--warmup" -> warmup = positive(a, v);
            case "--duration" -> duration = positive(a, v);
            case "--connections" -> connections = positive(a, v);
            case "--open-connections" -> openConnections = positive(a, v);
            case "--rate" -> rate = positive(a, v);
            case "--only" -> only = Set.copyOf(Arrays.asList(v.split(",")));
            case "--jvm-arg" -> jvmArgs.add(v);
            case "--slow-in-flight" -> slowInFlight = positive(a, v);
            default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
          }
        }
      }
    }
    if (example == null || agent == null || extension == null) {
      throw new IllegalArgumentException(
          "--example, --agent and --extension are required\n" + USAGE);
    }
    if (jvmArgs.isEmpty()) {
      // A fixed heap: allocation per request then shows up as GC work the same way everywhere.
      jvmArgs = List.of("-Xms256m", "-Xmx256m");
    }
    return new Settings(
        example,
        agent,
        extension,
        configurations,
        output,
        rounds,
        Duration.ofSeconds(warmup),
        Duration.ofSeconds(duration),
        connections,
        openConnections,
        rate,
        only,
        jfr,
        javaLoad,
        List.copyOf(jvmArgs),
        slowInFlight);
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "Invalid value for " + option + ": '" + value + "'; accepted: a whole number > 0");
  }
}
