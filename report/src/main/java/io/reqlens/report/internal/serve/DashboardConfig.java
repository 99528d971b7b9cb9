package io.reqlens.report.internal.serve;

import io.reqlens.report.internal.analysis.AnalysisOptions;
import io.reqlens.report.internal.analysis.Filter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code reqlens serve} runs; defaults are the command's.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class DashboardConfig {

  /** Default {@code --window}: {@value} hours. */
  public static final int DEFAULT_WINDOW_HOURS = 24;

  /** Default {@code --max-requests}: {@value}. */
  public static final int DEFAULT_MAX_REQUESTS = 200_000;

  /** {@code PROF} lines remembered (their place, not their stacks). */
  public static final int DEFAULT_MAX_PROFILES = 50_000;

  /** Traces whose span lines are remembered. */
  public static final int DEFAULT_MAX_SPAN_TRACES = 200_000;

  /** How often the folders are polled for new data. */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

  final List<Path> inputs = new ArrayList<>();
  InetAddress bind;
  int port;
  boolean allowRemote;
  long windowNs = Duration.ofHours(DEFAULT_WINDOW_HOURS).toNanos();
  int maxRequests = DEFAULT_MAX_REQUESTS;
  int maxProfiles = DEFAULT_MAX_PROFILES;
  int maxSpanTraces = DEFAULT_MAX_SPAN_TRACES;
  Duration poll = DEFAULT_POLL;
  Clock clock = Clock.systemUTC();
  Filter filter = Filter.builder().build();
  AnalysisOptions analysis = new AnalysisOptions();
  String traceLink;
  String token;

  public DashboardConfig inputs(List<Path> paths) {
    inputs.addAll(paths);
    return this;
  }

  public DashboardConfig bind(InetAddress address, int port, boolean allowRemote) {
    this.bind = address;
    this.port = port;
    this.allowRemote = allowRemote;
    return this;
  }

  public DashboardConfig window(Duration window) {
    this.windowNs = window.toNanos();
    return this;
  }

  public DashboardConfig maxRequests(int n) {
    this.maxRequests = n;
    return this;
  }

  public DashboardConfig poll(Duration every) {
    this.poll = every;
    return this;
  }

  public DashboardConfig clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** The report's filters, applied as requests are read. */
  public DashboardConfig filter(Filter filter) {
    this.filter = filter;
    return this;
  }

  /** Zone, N+1 threshold and outlier factor for the views (the report's options). */
  public DashboardConfig analysis(AnalysisOptions options) {
    this.analysis = options;
    return this;
  }

  /** A URL with {@code {trace_id}}, shown as a link on the request page (e.g. a Jaeger UI). */
  public DashboardConfig traceLink(String template) {
    this.traceLink = template;
    return this;
  }

  /** A fixed access token (tests); by default a random one is made at start. */
  public DashboardConfig token(String token) {
    this.token = token;
    return this;
  }

  long nowNs() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
