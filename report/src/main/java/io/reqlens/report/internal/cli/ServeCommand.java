package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.analysis.AnalysisOptions;
import io.reqlens.report.internal.serve.Dashboard;
import io.reqlens.report.internal.serve.DashboardConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code serve}: the live dashboard over followed event and span files. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Serves a live dashboard of the event and span files in DIR (routes, slow requests, one"
          + " request in full) on loopback, with an access token, until Ctrl-C. Follows the files"
          + " as they grow and rotate; never writes or deletes them.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped (Ctrl-C)",
      "2:usage error (bad option or value, a non-loopback --bind without --allow-remote)",
      "5:the address could not be bound (port in use, address not on this machine)",
      "70:internal error (a bug in reqlens)"
    })
/** This class is internal and is not intended for public use; it may change at any time. */
public final class ServeCommand implements Callable<Integer> {

  static final int BIND_FAILED = 5;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR|FILE",
      arity = "1..*",
      description = "Folders with events-*.jsonl and spans-*.jsonl files (or single files).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "TCP port. Default: ${DEFAULT-VALUE} (any free port; the URL is printed).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on. Default: ${DEFAULT-VALUE}. Anything but a loopback address"
              + " needs --allow-remote.")
  String bind;

  @Option(
      names = "--allow-remote",
      description =
          "Allow a --bind address other machines can reach (plain HTTP: anyone who sees the"
              + " URL or the traffic can read the dashboard).")
  boolean allowRemote;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "24h",
      description =
          "Requests of this last period are shown; older ones are evicted. Default:"
              + " ${DEFAULT-VALUE}.")
  String window;

  @Option(
      names = "--max-requests",
      paramLabel = "N",
      defaultValue = "200000",
      description =
          "Requests held at most (about 300 bytes each); beyond, the oldest go first and the"
              + " window is shorter than asked. Default: ${DEFAULT-VALUE}.")
  int maxRequests;

  @Mixin FilterOptions filters = new FilterOptions();

  @Mixin ThresholdOptions thresholds = new ThresholdOptions();

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "Time zone for the filters' local times and the heatmap. Default: the system's.")
  String zone;

  @Option(
      names = "--trace-link",
      paramLabel = "URL",
      description =
          "Link each request page to a trace UI, {trace_id} replaced: e.g."
              + " http://localhost:16686/trace/{trace_id} (Jaeger).")
  String traceLink;

  @Option(
      names = "--poll",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description = "How often the folders are checked for new data. Default: ${DEFAULT-VALUE}.")
  String poll;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cl = spec.commandLine();
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    DashboardConfig config = config(cl);
    InetAddress address = address(cl);
    config.bind(address, port, allowRemote);
    if (!address.isLoopbackAddress()) {
      err.println(
          "reqlens serve: WARNING: listening on "
              + bind
              + ", reachable from other machines over plain HTTP; anyone who sees the URL or the"
              + " traffic can read the dashboard");
    }
    Dashboard d;
    try {
      d = Dashboard.start(config);
    } catch (IOException e) {
      err.println("reqlens serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
      err.flush();
      return BIND_FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  d.close();
                  stopped.countDown();
                },
                "reqlens-serve-stop"));
    for (Path in : inputs) {
      if (!java.nio.file.Files.exists(in)) {
        // Not an error: the exporter may create the folder later; it is followed once it exists.
        err.println("reqlens serve: " + in + ": no such file or folder (yet)");
      }
    }
    err.flush();
    out.println("reqlens serve: following " + inputs.size() + " input(s), window " + window);
    out.println("  open: " + d.url());
    out.println("  (the link carries the access token; Ctrl-C stops)");
    out.flush();
    stopped.await();
    return 0;
  }

  private DashboardConfig config(CommandLine cl) {
    AnalysisOptions o = new AnalysisOptions();
    o.zone =
        OptionsParser.value(
            cl, "--zone", () -> zone == null ? ZoneId.systemDefault() : ZoneId.of(zone));
    thresholds.applyTo(o, cl);
    if (maxRequests < 1) {
      throw new ParameterException(cl, "--max-requests must be at least 1, got " + maxRequests);
    }
    long windowNs = OptionsParser.value(cl, "--window", () -> TimeArgs.durationNs(window));
    long pollNs = OptionsParser.value(cl, "--poll", () -> TimeArgs.durationNs(poll));
    if (windowNs <= 0) {
      throw new ParameterException(cl, "--window must be longer than 0, got " + window);
    }
    if (pollNs < 10_000_000L) {
      throw new ParameterException(cl, "--poll must be at least 10ms, got " + poll);
    }
    if (traceLink != null && !traceLink.matches("https?://\\S+")) {
      throw new ParameterException(
          cl, "invalid --trace-link: '" + traceLink + "': use an http(s) URL with {trace_id}");
    }
    long nowNs = clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
    return new DashboardConfig()
        .inputs(inputs)
        .window(Duration.ofNanos(windowNs))
        .maxRequests(maxRequests)
        .poll(Duration.ofNanos(pollNs))
        .clock(clock)
        .filter(OptionsParser.filter(filters, cl, nowNs, o.zone))
        .analysis(o)
        .traceLink(traceLink);
  }

  private InetAddress address(CommandLine cl) {
    InetAddress a;
    try {
      a = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(cl, "invalid --bind: '" + bind + "' is not an address here");
    }
    if (!a.isLoopbackAddress() && !allowRemote) {
      throw new ParameterException(
          cl,
          "--bind "
              + bind
              + " is not a loopback address: other machines could reach the dashboard. Add"
              + " --allow-remote to allow that (plain HTTP), or keep the default 127.0.0.1 and"
              + " use an SSH tunnel");
    }
    return a;
  }
}
