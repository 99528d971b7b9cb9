package io.reqlens.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Measures one configuration once: start, warm up, closed loop, open loop, stop. */
final class Runner {

  private final Settings settings;
  private final OtlpSink sink;
  private final boolean wrk;

  Runner(Settings settings, OtlpSink sink, boolean wrk) {
    this.settings = settings;
    this.sink = sink;
    this.wrk = wrk;
  }

  /**
   * The open-loop rate, fixed by the first closed-loop phase measured when not given: half of that
   * configuration's maximum (the agent's: round 1 starts with it), the same for every configuration
   * from then on, so they all see the same offered load.
   */
  static final class Rate {
    double perSecond;
    String setBy = "--rate";

    Rate(double perSecond) {
      this.perSecond = perSecond;
    }
  }

  Measurement measure(Configuration c, int round, Rate rate)
      throws IOException, InterruptedException {
    String id = c.name().replaceAll("[^A-Za-z0-9.+-]", "_") + "-r" + round;
    Path log = settings.output().resolve("logs").resolve(id + ".log");
    Path jfr = null;
    if (settings.jfr()) {
      Files.createDirectories(settings.output().resolve("jfr"));
      jfr = settings.output().resolve("jfr").resolve(id + ".jfr");
    }
    deleteData();
    long spansBefore = sink.spans();
    long sent = 1; // the first request
    Measurement.Phase closed;
    Measurement.Phase open;
    double startup;
    try (ServiceProcess service = ServiceProcess.start(settings, c, sink.endpoint(), log, jfr);
        SlowRequests slow = SlowRequests.start(service.port(), settings.slowInFlight())) {
      startup = service.startupMillis();
      sent += closedLoop(service, settings.warmup().toSeconds()).requests();
      ServiceProcess.Stats s0 = service.stats();
      Closed r = closedLoop(service, settings.duration().toSeconds());
      ServiceProcess.Stats s1 = service.stats();
      sent += r.requests() + 2;
      closed = Measurement.Phase.of(r.throughput, r.p50, r.p99, r.requests, r.errors, s0, s1);
      if (rate.perSecond == 0) {
        rate.perSecond = Math.max(1, Math.floor(r.throughput / 2));
        rate.setBy = "half of " + c.name() + "'s closed-loop maximum in round " + round;
      }
      LoadGenerator g =
          new LoadGenerator(
              "127.0.0.1", service.port(), ServiceProcess.PATH, settings.openConnections());
      ServiceProcess.Stats s2 = service.stats();
      LoadGenerator.Result o = g.run(rate.perSecond, settings.duration());
      ServiceProcess.Stats s3 = service.stats();
      sent += o.requests() + 2;
      open =
          Measurement.Phase.of(
              o.throughput(),
              o.latencyMicros().getValueAtPercentile(50),
              o.latencyMicros().getValueAtPercentile(99),
              o.requests(),
              o.errors(),
              s2,
              s3);
    }
    // The service flushed its exporters on SIGTERM before exiting; give the sink a moment to count.
    TimeUnit.MILLISECONDS.sleep(200);
    // Spans per measured request: the slow requests' spans are in the sink too when they run.
    double spans = (sink.spans() - spansBefore) / (double) sent;
    deleteData();
    return new Measurement(c.name(), round, startup, closed, open, spans);
  }

  private record Closed(long requests, long errors, double throughput, double p50, double p99) {}

  private Closed closedLoop(ServiceProcess service, long seconds)
      throws IOException, InterruptedException {
    java.time.Duration d = java.time.Duration.ofSeconds(seconds);
    if (wrk) {
      Wrk.Result r = Wrk.run(service.url(), settings.connections(), d);
      return new Closed(r.requests(), r.errors(), r.throughput(), r.p50Micros(), r.p99Micros());
    }
    LoadGenerator.Result r =
        new LoadGenerator("127.0.0.1", service.port(), ServiceProcess.PATH, settings.connections())
            .run(0, d);
    return new Closed(
        r.requests(),
        r.errors(),
        r.throughput(),
        r.latencyMicros().getValueAtPercentile(50),
        r.latencyMicros().getValueAtPercentile(99));
  }

  /**
   * The file exporters' folder is emptied between runs: each run starts alike, and disk stays free.
   */
  private void deleteData() throws IOException {
    Path data = settings.dataDirectory();
    if (!Files.exists(data)) {
      return;
    }
    try (Stream<Path> files = Files.walk(data)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
