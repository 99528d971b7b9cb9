package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.replay.Replay;
import io.reqlens.report.internal.replay.ReplayOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay}: the options; {@link Replay} does the work. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Sends span files (spans-*.jsonl: OTLP/JSON or flat) to an OTLP endpoint through the"
          + " OpenTelemetry SDK's OTLP exporter, in batches, with retries; resumable from a"
          + " checkpoint. Defaults come from the standard OTEL_EXPORTER_OTLP_* variables.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every span sent (or nothing new since the checkpoint)",
      "1:sent, but some input was skipped (bad line, unreadable file)",
      "2:usage error (bad option or variable)",
      "3:nothing to send (no span files, no spans, or none matched the filters)",
      "4:the endpoint did not accept a batch after the retries, or interrupted; run again to"
          + " continue from the checkpoint",
      "6:the checkpoint cannot be read, written, or belongs to another target or filters",
      "70:internal error (a bug in reqlens)"
    })
/** This class is internal and is not intended for public use; it may change at any time. */
public final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR|FILE",
      arity = "1..*",
      description =
          "Folders (their spans-*.jsonl, oldest first; active *.jsonl.active files are skipped)"
              + " or span files (any name, active ones included).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "OTLP endpoint. Default: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_ENDPOINT,"
              + " else http://localhost:4318 (http/protobuf) or :4317 (grpc). For http/protobuf"
              + " /v1/traces is appended when the URL has no path.")
  String endpoint;

  @Option(
      names = "--protocol",
      paramLabel = "PROTOCOL",
      description =
          "grpc or http/protobuf. Default: OTEL_EXPORTER_OTLP_TRACES_PROTOCOL,"
              + " OTEL_EXPORTER_OTLP_PROTOCOL, else http/protobuf.")
  String protocol;

  @Option(
      names = "--headers",
      paramLabel = "K=V,...",
      description =
          "Request headers (authentication), values percent-decoded. Default:"
              + " OTEL_EXPORTER_OTLP_TRACES_HEADERS, OTEL_EXPORTER_OTLP_HEADERS. Never printed.")
  String headers;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Per export. Default: OTEL_EXPORTER_OTLP_[TRACES_]TIMEOUT, else 10s.")
  String timeout;

  @Option(
      names = "--compression",
      paramLabel = "gzip|none",
      description = "Default: OTEL_EXPORTER_OTLP_[TRACES_]COMPRESSION, else none.")
  String compression;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description =
          "Only spans started at or after TIME: 15m (before now), 2h, 2026-11-20T10:00:00Z,"
              + " '2026-11-20 10:00' (in --zone) or 2026-11-20.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Only spans started before TIME.")
  String until;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Time zone of local times in --since/--until. Default: the system's.")
  String zone;

  @Option(
      names = "--service",
      paramLabel = "NAME",
      split = ",",
      description = "Only spans of these services (service.name; repeatable or comma-separated).")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "512",
      description = "Spans per export. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Retries of a failed batch (1 s, 2 s, 4 s, ... apart, at most --max-backoff), on top of"
              + " the exporter's own retries. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(
      names = "--max-backoff",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "Longest wait between retries. Default: ${DEFAULT-VALUE}.")
  String maxBackoff;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description =
          "Where progress is kept (0600). Default: reqlens-replay-<hash of protocol and"
              + " endpoint>.checkpoint beside the first file.")
  Path checkpoint;

  @Option(names = "--restart", description = "Ignore the checkpoint and send everything again.")
  boolean restart;

  @Option(
      names = "--dry-run",
      description = "Read and count what would be sent; send nothing, write no checkpoint.")
  boolean dryRun;

  @Option(names = "--no-progress", description = "No progress on stderr.")
  boolean noProgress;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException, InterruptedException {
    ReplayOptions o = new ReplayOptions();
    o.inputs.addAll(inputs);
    o.endpoint = endpoint;
    o.protocol = protocol;
    o.headers = headers;
    o.compression = compression;
    o.services.addAll(services);
    o.restart = restart;
    o.dryRun = dryRun;
    o.progress = !noProgress;
    o.checkpoint = checkpoint;
    try {
      ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
      long nowNs = TimeArgs.epochNs("now", clock.millis() * 1_000_000L, z);
      if (since != null) {
        o.sinceNs = TimeArgs.epochNs(since, nowNs, z);
        o.sinceText = since;
      }
      if (until != null) {
        o.untilNs = TimeArgs.epochNs(until, nowNs, z);
        o.untilText = until;
      }
      if (timeout != null) {
        o.timeout = Duration.ofNanos(TimeArgs.durationNs(timeout));
      }
      o.maxBackoff = Duration.ofNanos(TimeArgs.durationNs(maxBackoff));
      if (batchSize < 1 || batchSize > 100_000) {
        throw new IllegalArgumentException("--batch-size must be 1 to 100000, not " + batchSize);
      }
      if (retries < 0 || retries > 1000) {
        throw new IllegalArgumentException("--retries must be 0 to 1000, not " + retries);
      }
      o.batchSize = batchSize;
      o.retries = retries;
      return new Replay(o, spec.commandLine().getOut(), spec.commandLine().getErr())
          .terminal(System.console() != null)
          .run();
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
