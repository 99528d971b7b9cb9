package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.analysis.AnalysisOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report}: the options; {@link ReportRun} does the work. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Reads request-profile event files (events-*.jsonl, and active *.jsonl.active files) and"
          + " prints per-route latency, errors, queries, N+1 suspects, load and outliers.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:report printed; all input read",
      "1:report printed, but some input was skipped (unreadable file, invalid or non-event"
          + " line, future schema version); a torn last line of a file being written is normal",
      "2:usage error (bad option or value)",
      "3:nothing to report (no event files, no valid events, or no request matched the filters)",
      "4:the report could not be written (--html file)",
      "70:internal error (a bug in reqlens)"
    })
/** This class is internal and is not intended for public use; it may change at any time. */
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR|FILE",
      arity = "1..*",
      description = "Folders with event files, or event files.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--json", description = "Print the report as JSON on stdout instead of text.")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML report (charts, sortable tables) to FILE.")
  Path html;

  @Mixin FilterOptions filters = new FilterOptions();

  @Option(
      names = "--sort",
      paramLabel = "KEY",
      defaultValue = "p95",
      description =
          "Route table order: p95, p50, p99, max, count, errors, db, queries, route."
              + " Default: ${DEFAULT-VALUE}.")
  String sort;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "30",
      description = "Routes shown in the route table. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Rows in the other tables (slowest, errors, queries, N+1, outliers)."
              + " Default: ${DEFAULT-VALUE}.")
  int top;

  @Mixin ThresholdOptions thresholds = new ThresholdOptions();

  @Option(
      names = "--confidence",
      paramLabel = "PCT",
      defaultValue = "95",
      description =
          "Confidence level of the estimated counts' and error %' intervals, in percent"
              + " (90, 95, 99, 99.9). Default: ${DEFAULT-VALUE}.")
  double confidence;

  @Option(
      names = "--compare-versions",
      paramLabel = "A,B",
      description = "Compare two service.version values per route.")
  String compareVersions;

  @Option(
      names = "--compare-windows",
      paramLabel = "SPEC",
      description =
          "Compare two time windows per route: FROM/TO,FROM/TO (times as for --since),"
              + " or one DURATION: the last DURATION against the one before it.")
  String compareWindows;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Time zone for shown times and the heatmap. Default: the system's.")
  String zone;

  @Option(
      names = "--no-progress",
      description = "No progress bar (shown on the terminal for inputs over 64 MiB).")
  boolean noProgress;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    AnalysisOptions options = OptionsParser.parse(this);
    return new ReportRun(this, options, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run();
  }
}
